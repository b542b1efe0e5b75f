package cn.chanrong.policy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a loan qualifies for a re-lending programme's ledger (台账), pure (issue 19 §2): each failed condition is a
 * reason with its rule, so a bank sees why a loan is left out; a qualifying loan brings the programme's share of its
 * principal, to the fen (half up).
 */
public final class LedgerRules {

    private LedgerRules() {
    }

    /**
     * A candidate: the loan, its principal and payout day, its purpose, the project list it was pushed on (null when
     * none), whether it carries a green catalogue code and a verified CO2 reduction, its status and tier, what is still
     * outstanding.
     */
    public record Candidate(long loanId, String number, BigDecimal principal, LocalDate disbursedOn, String purpose,
                            String listType, boolean green, boolean carbonVerified, cn.chanrong.lending.domain.LoanStatus status,
                            cn.chanrong.lending.domain.Tier tier, BigDecimal outstanding) {
    }

    /** Why a loan is left out: the rule and what it found. */
    public record Reason(String rule, String found) {
    }

    /** The reasons a candidate does not qualify under {@code eligibility}; empty when it qualifies. */
    public static List<Reason> reasons(Candidate c, Eligibility eligibility) {
        List<Reason> out = new ArrayList<>();
        if (!eligibility.listTypes().isEmpty() && (c.listType() == null || !eligibility.listTypes().contains(c.listType()))) {
            out.add(new Reason("policy.line.list", c.listType() == null ? "-" : c.listType()));
        }
        if (!eligibility.purposes().isEmpty() && !eligibility.purposes().contains(c.purpose())) {
            out.add(new Reason("policy.line.purpose", c.purpose()));
        }
        if (eligibility.greenCodeRequired() && !c.green()) {
            out.add(new Reason("policy.line.green", "-"));
        }
        if (eligibility.carbonReductionVerified() && !c.carbonVerified()) {
            out.add(new Reason("policy.line.carbon", "-"));
        }
        if (eligibility.loansFrom() != null && c.disbursedOn().isBefore(eligibility.loansFrom())
                || eligibility.loansTo() != null && c.disbursedOn().isAfter(eligibility.loansTo())) {
            out.add(new Reason("policy.line.period", c.disbursedOn().toString()));
        }
        if (c.outstanding().signum() == 0) {
            // a loan repaid early leaves the ledger
            out.add(new Reason("policy.line.repaid", c.status().name()));
        } else if (c.status() != cn.chanrong.lending.domain.LoanStatus.ACTIVE || c.tier() != cn.chanrong.lending.domain.Tier.NORMAL) {
            // a loan in arrears or classified below normal leaves it too
            out.add(new Reason("policy.line.performing", c.status() + "/" + c.tier()));
        }
        return out;
    }

    /** The programme's share of a qualifying loan's principal, to the fen. */
    public static BigDecimal share(BigDecimal principal, BigDecimal sharePercent) {
        return principal.multiply(sharePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }
}
