package cn.chanrong.lending.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two provision ratios supervisors watch, per institution (FACTS §10; 银监发〔2018〕7号):
 * 拨备覆盖率 = provisions / non-performing loans, against a floor set within 120–150 %; 贷款拨备率 =
 * provisions / loans, against a floor set within 1.5–2.5 %. A bank with no non-performing loan has no
 * coverage ratio and meets that floor.
 */
public final class ProvisionRatios {

    public static final BigDecimal COVERAGE_FLOOR_MIN = new BigDecimal("1.20");
    public static final BigDecimal COVERAGE_FLOOR_MAX = new BigDecimal("1.50");
    public static final BigDecimal LOAN_RATIO_FLOOR_MIN = new BigDecimal("0.015");
    public static final BigDecimal LOAN_RATIO_FLOOR_MAX = new BigDecimal("0.025");

    /** The floors in force for an institution. */
    public record Floors(BigDecimal coverage, BigDecimal loanRatio) {

        public Floors {
            if (coverage.compareTo(COVERAGE_FLOOR_MIN) < 0 || coverage.compareTo(COVERAGE_FLOOR_MAX) > 0) {
                throw new IllegalArgumentException("coverage floor outside 120–150 %: " + coverage);
            }
            if (loanRatio.compareTo(LOAN_RATIO_FLOOR_MIN) < 0 || loanRatio.compareTo(LOAN_RATIO_FLOOR_MAX) > 0) {
                throw new IllegalArgumentException("loan provision ratio floor outside 1.5–2.5 %: " + loanRatio);
            }
        }
    }

    /**
     * The ratios of a book: {@code coverage} null when there is no NPL; {@code coverageMet} and
     * {@code loanRatioMet} say whether each floor holds.
     */
    public record Ratios(BigDecimal loans, BigDecimal npl, BigDecimal provisions, BigDecimal coverage,
                         BigDecimal loanRatio, Floors floors, boolean coverageMet, boolean loanRatioMet) {
    }

    private ProvisionRatios() {
    }

    public static Ratios of(BigDecimal loans, BigDecimal npl, BigDecimal provisions, Floors floors) {
        BigDecimal coverage = npl.signum() == 0 ? null : provisions.divide(npl, 4, RoundingMode.HALF_UP);
        BigDecimal loanRatio = loans.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                : provisions.divide(loans, 4, RoundingMode.HALF_UP);
        boolean coverageMet = coverage == null || coverage.compareTo(floors.coverage()) >= 0;
        boolean loanRatioMet = loans.signum() == 0 || loanRatio.compareTo(floors.loanRatio()) >= 0;
        return new Ratios(loans, npl, provisions, coverage, loanRatio, floors, coverageMet, loanRatioMet);
    }
}
