package cn.chanrong.scf.domain;

import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of every supply-chain financing, computed in one place: what a funder advances, the
 * interest it earns to maturity, and a discount's payout. Every financing is a single-installment
 * loan from the value date to maturity under one {@link Convention} (ACT/360, interest half up to the
 * fen); rates are annual percentages, advance rates fractions.
 *
 * <p>Mind the voucher trap: a discount computes its interest on the <em>face value</em>, while the
 * loan the funder books is the <em>payout</em> (face − interest) with that interest on top, so the
 * loan repays exactly the face value at maturity. An advance or a pledge loan computes its interest on
 * the principal it pays out.
 */
public final class FinanceCalculator {

    /** How interest is counted and rounded: the day count of the period and the rounding of the result. */
    public record Convention(DayCount dayCount, Rounding rounding) {

        /** Supply-chain finance in China: actual days over 360, half up to the fen. */
        public static final Convention SCF = new Convention(DayCount.ACT_360, Rounding.FEN_HALF_UP);

        public Convention {
            Objects.requireNonNull(dayCount, "dayCount");
            Objects.requireNonNull(rounding, "rounding");
        }
    }

    /** A loan at its principal: the principal paid out, the interest due with it at maturity, the days between. */
    public record Loan(BigDecimal principal, BigDecimal interest, long days) {

        /** What the borrower repays at maturity. */
        public BigDecimal repayment() {
            return principal.add(interest);
        }
    }

    /**
     * A discount: the interest on the face value, and the payout the holder receives (face − interest),
     * which is the principal of the funder's loan.
     */
    public record Discount(BigDecimal face, BigDecimal interest, BigDecimal payout, long days) {

        /** The funder's loan: the payout lent, the discount interest earned; it repays the face value. */
        public Loan loan() {
            return new Loan(payout, interest, days);
        }

        /** A discount whose interest eats the whole face value pays nothing out, and is refused. */
        public Optional<Rejection> refusal(String field) {
            return payout.signum() > 0 ? Optional.empty()
                    : Optional.of(Rejection.of("voucher.discount-payout", field, interest.toPlainString(),
                    face.toPlainString()));
        }
    }

    /**
     * The precision the unrounded interest is settled to before the fen rounding. A day count's fraction
     * is a 34-digit decimal ({@code 120/360} is not exact), so the raw product can sit a hair below a
     * half fen that {@code principal × rate × days / 36000} reaches exactly; settling to 32 significant
     * digits removes that error (a relative 10⁻³³) and moves no figure across a half fen: for fen
     * amounts up to 10¹³ and rates of up to six places, an exact figure that is not a half fen is at
     * least 10⁻¹⁵ from one, far more than the settling moves it.
     */
    static final MathContext SETTLE = new MathContext(32, RoundingMode.HALF_EVEN);

    private FinanceCalculator() {
    }

    /** Interest on {@code principal} at {@code annualRate} percent from {@code from} to {@code to}. */
    public static BigDecimal interest(BigDecimal principal, BigDecimal annualRate, LocalDate from, LocalDate to,
                                      Convention convention) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("maturity " + to + " before value date " + from);
        }
        if (convention.rounding() == Rounding.FEN_HALF_UP && convention.dayCount().hasFixedYear()) {
            // the single-payment schedule's own rule, so that lending books exactly the figure priced here
            return convention.dayCount().fenInterest(principal, annualRate, from, to);
        }
        BigDecimal raw = principal.multiply(annualRate).movePointLeft(2)
                .multiply(convention.dayCount().fraction(from, to));
        return convention.rounding().apply(raw.round(SETTLE));
    }

    /** Interest under the supply-chain finance convention. */
    public static BigDecimal interest(BigDecimal principal, BigDecimal annualRate, LocalDate from, LocalDate to) {
        return interest(principal, annualRate, from, to, Convention.SCF);
    }

    /** What a funder advances against {@code base} at {@code advanceRate} (a fraction): rounded down to the fen. */
    public static BigDecimal advance(BigDecimal base, BigDecimal advanceRate) {
        return Rounding.FEN_DOWN.apply(base.multiply(advanceRate));
    }

    /** The value of {@code quantity} at {@code price}: half up to the fen. */
    public static BigDecimal value(BigDecimal quantity, BigDecimal price) {
        return Rounding.FEN_HALF_UP.apply(quantity.multiply(price));
    }

    /** A loan of {@code principal} from {@code from} to {@code maturity}: a warehouse pledge, a de-nucleated financing. */
    public static Loan loan(BigDecimal principal, BigDecimal annualRate, LocalDate from, LocalDate maturity) {
        return new Loan(principal, interest(principal, annualRate, from, maturity), days(from, maturity));
    }

    /**
     * Receivable financing: {@code advanceRate} of the receivable's outstanding amount, rounded down,
     * lent to its due date with interest on the advance.
     */
    public static Loan receivableAdvance(BigDecimal outstanding, BigDecimal advanceRate, BigDecimal annualRate,
                                         LocalDate from, LocalDate dueOn) {
        return loan(advance(outstanding, advanceRate), annualRate, from, dueOn);
    }

    /** A voucher part of {@code face} discounted at {@code annualRate} from {@code from} to its maturity. */
    public static Discount discount(BigDecimal face, BigDecimal annualRate, LocalDate from, LocalDate maturity) {
        BigDecimal interest = interest(face, annualRate, from, maturity);
        return new Discount(face, interest, face.subtract(interest), days(from, maturity));
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
