package cn.chanrong.lending.domain;

import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.InterestTiming;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import cn.chanrong.lending.schedule.SinglePaymentTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A loan as contracted, before it is paid out: whose it is, what it came from, its price and the
 * repayment terms its schedule is resolved from on the value date. Every path that makes a loan — an
 * approved application, a later drawdown, a renewal, a supply-chain financing — states one of these,
 * and one writer stores it and one step pays it out. {@code id} and {@code number} are null until the
 * loan is written (a number given beforehand is kept: a drawdown's is its contract's with a suffix).
 */
public record ContractedLoan(Long id, String number, Parties parties, Origin origin, BigDecimal principal, int termMonths,
                             Pricing pricing, Repayment repayment, String purpose, String paymentMode,
                             String greenCatalogueCode) {

    /** The lender, the borrower and, for a supply-chain financing, the party whose credit carries the risk. */
    public record Parties(long institutionId, long borrowerId, Long riskObligorId) {
    }

    /** What the loan came from; each may be null. */
    public record Origin(Long applicationId, Long facilityId, Long productId, Long contractLoanId, Long renewalOf,
                         String tradeReference) {

        public static Origin none() {
            return new Origin(null, null, null, null, null, null);
        }
    }

    /**
     * {@code rateType} FIXED, LPR_1Y or LPR_5Y (then {@code spreadBp} over the LPR); {@code annualRate} in
     * percent; {@code penaltyMarkup} null for the book's default.
     */
    public record Pricing(String rateType, Integer spreadBp, BigDecimal annualRate, BigDecimal penaltyMarkup) {

        public static Pricing fixed(BigDecimal annualRate) {
            return new Pricing("FIXED", null, annualRate, null);
        }

        public boolean floating() {
            return rateType.startsWith("LPR");
        }

        /** The rate this pricing gives over an LPR of {@code lpr} percent. */
        public BigDecimal over(BigDecimal lpr) {
            return lpr.add(BigDecimal.valueOf(spreadBp, 2));
        }

        public Pricing at(BigDecimal rate) {
            return new Pricing(rateType, spreadBp, rate, penaltyMarkup);
        }
    }

    /** How the principal comes back: amortising over whole periods, or one payment on a date of its own. */
    public sealed interface Repayment {

        RepaymentMethod method();

        DayCount dayCount();
    }

    /**
     * Payments every {@code periodMonths} months, on {@code paymentDay} of the month when set (0: the
     * disbursement's day), interest only during {@code graceMonths}; a CUSTOM method repays principal as
     * {@code principalPlan} says.
     */
    public record Amortising(RepaymentMethod method, DayCount dayCount, int paymentDay, int periodMonths, int graceMonths,
                             List<BigDecimal> principalPlan) implements Repayment {

        public Amortising {
            principalPlan = principalPlan == null || principalPlan.isEmpty() ? null : List.copyOf(principalPlan);
        }

        /** Monthly on the disbursement's day of the month, no grace, no plan. */
        public static Amortising plain(RepaymentMethod method, DayCount dayCount) {
            return new Amortising(method, dayCount, 0, 1, 0, null);
        }
    }

    /**
     * One payment on {@code maturity} with interest for the days: in arrears on the principal, or in
     * advance on {@code faceValue} (a discount, whose principal is the face value less the interest).
     */
    public record SinglePayment(LocalDate maturity, DayCount dayCount, InterestTiming timing, BigDecimal faceValue)
            implements Repayment {

        @Override
        public RepaymentMethod method() {
            return RepaymentMethod.BULLET;
        }
    }

    public ContractedLoan withId(long id, String number) {
        return new ContractedLoan(id, number, parties, origin, principal, termMonths, pricing, repayment, purpose, paymentMode,
                greenCatalogueCode);
    }

    public ContractedLoan withPricing(Pricing p) {
        return new ContractedLoan(id, number, parties, origin, principal, termMonths, p, repayment, purpose, paymentMode,
                greenCatalogueCode);
    }

    /** The schedule from a value date, resolved by the schedule core. */
    public Schedule schedule(LocalDate valueDate) {
        return switch (repayment) {
            case Amortising a -> ScheduleCalculator.calculate(new LoanTerms(principal, termMonths, pricing.annualRate(),
                    a.method(), valueDate, a.dayCount(), LoanTerms.firstSettlement(valueDate, a.paymentDay(), a.periodMonths()),
                    a.periodMonths(), a.graceMonths(), a.principalPlan()));
            case SinglePayment s -> {
                Schedule schedule = ScheduleCalculator.calculate(new SinglePaymentTerms(
                        s.timing() == InterestTiming.IN_ADVANCE ? s.faceValue() : principal, pricing.annualRate(), valueDate,
                        s.maturity(), s.dayCount(), s.timing()));
                if (schedule.installments().get(0).principal().compareTo(principal) != 0) {
                    throw new IllegalStateException("a discount of " + s.faceValue() + " pays out "
                            + schedule.installments().get(0).principal() + ", not the contracted " + principal);
                }
                yield schedule;
            }
        };
    }
}
