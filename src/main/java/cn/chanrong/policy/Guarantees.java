package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Government guarantees along the re-guarantee chain (issue 19 §4). A bank registers the guarantee of a government
 * financing-guarantee agency under a scheme on one of its loans (it attaches to the loan as a guarantee, 保证); the
 * agency's provincial re-guarantor and the national financing-guarantee fund complete the chain. When the bank has
 * written the loan off, its loss is shared by the scheme's split: the bank claims everything but its own part from
 * the agency, the agency claims the re-guarantor's and the fund's parts from the re-guarantor, which claims the fund's
 * part from the fund; each claim is paid by the payer's approver in its own book, once. A later recovery on the loan
 * flows back up the chain in the same proportions. Read by the parties, the financial regulators and the finance
 * department where the bank operates.
 */
public interface Guarantees {

    record Party(long institutionId, String name) {
    }

    record Claim(long id, int stage, Party claimant, Party payer, BigDecimal amount, cn.chanrong.policy.domain.ClaimStatus status,
                 LocalDate claimedOn,
                 String claimedBy, LocalDate paidOn, String paidBy, Long payerEntryId) {
    }

    record Recovery(LocalDate on, BigDecimal amount, BigDecimal bankPart, BigDecimal agencyPart,
                    BigDecimal reguarantorPart, BigDecimal fundPart) {
    }

    /** A guarantee; {@code claims} and {@code recoveries} only when read one by one. */
    record Guarantee(long id, String number, String programme, String programmeName, long loanId, String loanNumber,
                     Party bank, long borrowerId, String borrowerName, Party agency, Party reguarantor, Party fund,
                     BigDecimal principal, BigDecimal coveragePercent, BigDecimal amount, BigDecimal feePercent,
                     BigDecimal bankShare, BigDecimal agencyShare, BigDecimal reguarantorShare, BigDecimal fundShare,
                     BigDecimal loss, cn.chanrong.policy.domain.GuaranteeStatus status, LocalDate issuedOn, String issuedBy, List<Claim> claims,
                     List<Recovery> recoveries) {
    }

    /**
     * {@code programme} by code, {@code loan} by number, {@code agency} by unified social credit code, the agency's
     * fee on this loan in percent a year ({@code feePercent}; null: the scheme's target). The scheme's fee is a target
     * the agencies report their average against, not a cap on one loan.
     */
    record Register(String programme, String loan, String agency, BigDecimal feePercent) {

        public Register(String programme, String loan, String agency) {
            this(programme, loan, agency, null);
        }
    }

    Guarantee register(Caller caller, Register request);

    Page<Guarantee> list(Caller caller, String loan, String status, PageRequest page);

    Guarantee get(Caller caller, long id);

    /** The next claim along the chain, by the party whose turn it is (its approver). */
    Guarantee claim(Caller caller, long id);

    /** The payer's approver pays a claim, booked in both parties' books. */
    Guarantee pay(Caller caller, long claimId);
}
