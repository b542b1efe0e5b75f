package cn.chanrong.scf;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * E-vouchers (应收账款电子凭证): a core enterprise issues a voucher against what it owes a tier-1 supplier;
 * holders split it to the fen, transfer parts to other enterprises on the platform and discount parts
 * with funders, each transfer and discount on a named trade background; at maturity the issuer pays and
 * the platform settles every outstanding part to its holder or its funder.
 * <p>
 * Invariants: the LIVE and DISCOUNTED parts of an unsettled voucher sum to its face value; a part is
 * spent by one update that must find it LIVE, under a lock on the voucher's row; nothing moves after
 * maturity; every movement is booked as an event. Amounts are yuan to the fen, read at the edge (plain
 * decimal text or a JSON number, see {@link cn.chanrong.shared.Amounts}) and checked here against their bounds.
 */
public interface Vouchers {

    /**
     * A voucher to issue. {@code maturity} as YYYY-MM-DD; {@code overDefault} is the recorded exception
     * that allows a term beyond six months (never beyond twelve); {@code receivableIds} optional
     * confirmed payables of the issuer to the supplier that together cover the face value.
     */
    record IssueRequest(Long supplierId, BigDecimal faceValue, String maturity, Boolean overDefault,
                        List<Long> receivableIds, String tradeBackground) {
    }

    /** The pieces a LIVE part is cut into, in yuan; they must sum to the part exactly. */
    record SplitRequest(List<BigDecimal> amounts) {
    }

    /** A transfer of a LIVE part, or of {@code amount} of it (the rest stays with the holder). */
    record TransferRequest(Long toEnterpriseId, BigDecimal amount, String tradeBackground) {
    }

    /** A discount of a LIVE part with a funder at {@code annualRate} percent a year. */
    record DiscountRequest(Long institutionId, String annualRate, String tradeBackground, Boolean recourse) {
        /** Without recourse: if the issuer does not pay, the funder's claim rests on the issuer alone. */
        public DiscountRequest(Long institutionId, String annualRate, String tradeBackground) {
            this(institutionId, annualRate, tradeBackground, false);
        }
    }

    /** What the issuer pays at maturity, in yuan; less than the face value leaves parts overdue. */
    record SettleRequest(BigDecimal amount) {
    }

    /** Filters for lists: a status, and for an enterprise {@code ISSUED} or {@code HELD} to narrow to one side. */
    record Filter(String status, String relation) {
    }

    record Voucher(long id, String number, long issuerId, String issuerName, long supplierId, String supplierName,
                   BigDecimal faceValue, LocalDate issuedOn, LocalDate maturity, boolean overDefault,
                   String tradeBackground, String status, BigDecimal paid, LocalDate settledOn,
                   BigDecimal outstanding) {
    }

    /** One part; {@code funderId}, {@code loanId} and {@code recourse} (as agreed) are set once it was discounted. */
    record Part(long id, long voucherId, String voucherNumber, Long parentId, int tier, long holderId,
                String holderName, BigDecimal amount, String status, Long funderId, String funderName, Long loanId,
                BigDecimal discountRate, BigDecimal discountInterest, LocalDate discountedOn, BigDecimal paid,
                BigDecimal shortfall, LocalDate maturity, Boolean recourse) {
    }

    /** One booked movement. */
    record Event(long id, Long partId, String kind, BigDecimal amount, Long fromEnterpriseId, Long toEnterpriseId,
                 Long toInstitutionId, String tradeBackground, String detail, Long loanId, Long entryId, String actor,
                 LocalDate businessDate, Instant occurredAt) {
    }

    record Detail(Voucher voucher, List<Part> parts, List<Event> events, List<Long> receivableIds) {
    }

    /** The new parts a transfer produced: the transferee's and, for a partial transfer, the holder's remainder. */
    record Transferred(Part transferred, Part remainder) {
    }

    /** A discount as booked: the part, the funder's loan, what was paid out and the interest kept. */
    record Discounted(Part part, long loanId, String loanNumber, BigDecimal payout, BigDecimal interest, long days) {
    }

    /** What one outstanding part received at settlement; {@code applied} is what the funder's loan took. */
    record Line(long partId, String payee, boolean toFunder, BigDecimal due, BigDecimal paid, BigDecimal shortfall,
                Long loanId, BigDecimal applied) {
    }

    record Settled(Voucher voucher, List<Line> lines, BigDecimal shortfall) {
    }

    /** A node of the penetration tree (穿透): a part and the parts cut from it. */
    record Node(long partId, Long parentId, int tier, long holderId, String holderName, BigDecimal amount,
                String status, Long funderId, String funderName, List<Node> children) {
    }

    /**
     * The penetration tree of one voucher, the outstanding amount held at each tier, and the codes of
     * any rule the stored parts break (empty when value is conserved).
     */
    record Tree(long voucherId, String number, BigDecimal faceValue, Node root, Map<Integer, BigDecimal> outstandingByTier,
                List<String> problems) {
    }

    /** A voucher whose parts do not add up to its face value. */
    record Imbalance(long voucherId, String number, BigDecimal faceValue, BigDecimal leafSum) {
    }

    Voucher issue(Caller caller, IssueRequest request);

    List<Part> split(Caller caller, long partId, SplitRequest request);

    Transferred transfer(Caller caller, long partId, TransferRequest request);

    Discounted discount(Caller caller, long partId, DiscountRequest request);

    Settled settle(Caller caller, long voucherId, SettleRequest request);

    /**
     * The issuer pays an overdue voucher late, in full or in part: the payment is shared over the unpaid
     * parts pro rata, a funder's share collected on its loan; once nothing is unpaid the voucher is
     * settled and the funders' overdue alerts are cleared.
     */
    Settled payOverdue(Caller caller, long voucherId, SettleRequest request);

    Page<Voucher> search(Caller caller, Filter filter, PageRequest page);

    Detail get(Caller caller, long voucherId);

    Tree tree(Caller caller, long voucherId);

    /** Parts the calling enterprise holds: LIVE ones when {@code liveOnly}, otherwise every part it ever held. */
    Page<Part> parts(Caller caller, boolean liveOnly, PageRequest page);

    /**
     * Every voucher whose leaf parts (LIVE, DISCOUNTED and SETTLED) do not sum to its face value; empty
     * when value is conserved everywhere. {@code voucherId} null checks all vouchers.
     */
    List<Imbalance> conservation(Long voucherId);
}
