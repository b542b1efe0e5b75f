package cn.chanrong.policy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a loss on a government-guaranteed loan is shared along the re-guarantee chain (issue 19 §4, 国办发〔2019〕6号),
 * pure: each party's part of the loss to the fen (half up; the national fund takes what rounding leaves, so the parts
 * add up to the loss exactly), and what each party pays the one below it — the agency pays the bank everything but the
 * bank's part, the provincial re-guarantor pays the agency the re-guarantor's and the fund's parts, the national fund
 * pays the re-guarantor its own. A recovery is shared the same way and flows back up the same chain.
 */
public final class GuaranteeChain {

    private GuaranteeChain() {
    }

    /** The shares of a loss, in percent, adding up to 100. */
    public record Shares(BigDecimal bank, BigDecimal agency, BigDecimal reguarantor, BigDecimal fund) {
    }

    /**
     * One loss (or recovery) split: each party's part, and the three payments along the chain (agency to bank,
     * re-guarantor to agency, fund to re-guarantor; for a recovery the same amounts flow the other way).
     */
    public record Split(BigDecimal loss, BigDecimal bankPart, BigDecimal agencyPart, BigDecimal reguarantorPart,
                        BigDecimal fundPart) {

        /** What the agency pays the bank: every part but the bank's. */
        public BigDecimal agencyPays() {
            return agencyPart.add(reguarantorPart).add(fundPart);
        }

        /** What the re-guarantor pays the agency: its part and the fund's. */
        public BigDecimal reguarantorPays() {
            return reguarantorPart.add(fundPart);
        }

        /** What the national fund pays the re-guarantor: its part. */
        public BigDecimal fundPays() {
            return fundPart;
        }
    }

    public static Split split(BigDecimal loss, Shares s) {
        BigDecimal bank = part(loss, s.bank());
        BigDecimal agency = part(loss, s.agency());
        BigDecimal reguarantor = part(loss, s.reguarantor());
        BigDecimal fund = loss.subtract(bank).subtract(agency).subtract(reguarantor);
        return new Split(loss, bank, agency, reguarantor, fund);
    }

    private static BigDecimal part(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }
}
