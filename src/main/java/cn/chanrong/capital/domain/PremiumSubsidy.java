package cn.chanrong.capital.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The premium and its subsidy under a first-of-a-kind scheme's terms in force: the premium is the sum insured times the
 * rate, HALF_UP to the fen, the rate at most the scheme's cap; the subsidy is the scheme's share of the premium, HALF_UP to
 * the fen, for cover within the scheme's years counted from the first subsidised cover of the same catalogue product by
 * the same maker.
 */
public final class PremiumSubsidy {

    private PremiumSubsidy() {
    }

    /** A scheme's terms: the rate cap and the subsidy share in percent, the years of cover it subsidises. */
    public record Terms(BigDecimal rateCapPercent, BigDecimal subsidyPercent, int maxYears) {
    }

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    public static BigDecimal premium(BigDecimal sumInsured, BigDecimal ratePercent) {
        return sumInsured.multiply(ratePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** Why a policy's rate breaks the terms (empty: it does not). */
    public static List<Rejection> rate(Terms terms, BigDecimal ratePercent) {
        List<Rejection> out = new ArrayList<>();
        if (ratePercent.compareTo(terms.rateCapPercent()) > 0) {
            out.add(Rejection.of("insurance.premium-cap", "premiumRatePercent", ratePercent.toPlainString(),
                    terms.rateCapPercent().stripTrailingZeros().toPlainString()));
        }
        return out;
    }

    /**
     * Why a policy's cover cannot be subsidised (empty: it can): the cover must end within the scheme's years from the
     * first subsidised cover's start ({@code firstStart}, this policy's own start when it is the first).
     */
    public static List<Rejection> years(Terms terms, LocalDate firstStart, LocalDate coverEnd) {
        List<Rejection> out = new ArrayList<>();
        LocalDate limit = firstStart.plusYears(terms.maxYears());
        if (coverEnd.isAfter(limit)) {
            out.add(Rejection.of("insurance.subsidy.years", "policy", terms.maxYears(), firstStart, limit, coverEnd));
        }
        return out;
    }

    public static BigDecimal subsidy(Terms terms, BigDecimal premium) {
        return premium.multiply(terms.subsidyPercent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
