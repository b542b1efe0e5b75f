package cn.chanrong.capital;

import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.InvestorKind;
import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Investors and their mandates (issue 21 §1). An institution of an investing type (a fund or venture-capital firm, an
 * insurer, a securities firm — never a bank) registers as an investor of a kind, a fund manager with its registration
 * number at the fund association; the platform's administrator checks the registration against the association's public
 * list and marks it verified: only a verified investor is a qualified investor who sees equity needs. The investor's
 * administrator or approver keeps its mandates. The directory of investors and mandates is open to every signed-in user.
 */
public interface Investors {

    record Register(InvestorKind kind, String amacNumber) {
    }

    record MandateDraft(String name, Set<InvestmentStage> stages, Set<String> chains, Set<String> regions,
                        BigDecimal minTicket, BigDecimal maxTicket, Integer horizonYears) {
    }

    record Mandate(long id, String name, Set<InvestmentStage> stages, Set<String> chains, Set<String> regions,
                   BigDecimal minTicket, BigDecimal maxTicket, int horizonYears, boolean active) {
    }

    /** {@code qualified}: verified, so it sees equity needs. */
    record Investor(long institutionId, String name, String institutionType, InvestorKind kind, String amacNumber,
                    LocalDate verifiedOn, boolean qualified, List<Mandate> mandates) {
    }

    Investor register(Caller caller, Register request);

    /** The administrator marks the registration checked against the fund association's list. */
    Investor verify(Caller caller, long institutionId);

    Mandate addMandate(Caller caller, MandateDraft draft);

    List<Investor> investors(Caller caller);
}
