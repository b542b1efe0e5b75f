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
 * Trade documents and confirmed receivables (确权, FACTS §4): invoices imported, receivables uploaded
 * by the creditor and confirmed or disputed by the debtor under an SM2 signature (or uploaded by the
 * debtor as its payables, which is confirmation), financed by one funder after the registry check
 * and filing, collected into the funder's account, and watched for dilution and late payment.
 */
public interface Receivables {

    // ---- invoices

    /** What an invoice import did: every invoice stored, and the dilution alerts its red-letter ones raised. */
    record InvoiceImport(int imported, List<String> numbers, int dilutionAlerts) {
    }

    /** Imports invoices as CSV ({@code csv}) or one invoice as XML ({@code xml}): all or none. */
    InvoiceImport importInvoices(Caller caller, String format, byte[] content);

    /** As {@link #importInvoices(Caller, String, byte[])}, streaming an uploaded file. */
    InvoiceImport importInvoices(Caller caller, String format, cn.chanrong.shared.Upload content);

    record InvoiceView(String number, LocalDate issuedOn, String sellerCode, String sellerName, String buyerCode,
                       String buyerName, BigDecimal amount, BigDecimal tax, BigDecimal total, String redLetterOf,
                       BigDecimal reversed) {
    }

    InvoiceView invoice(Caller caller, String number);

    // ---- receivables

    /**
     * A receivable. The creditor names the debtor ({@code debtorId}); a debtor uploading its payable
     * names the creditor ({@code creditorId}) and thereby confirms it. {@code invoiceNumber} ties it to
     * an imported invoice between the two, whose total bounds the amount.
     */
    record Upload(Long debtorId, Long creditorId, String invoiceNumber, String contractNo, BigDecimal amount,
                  LocalDate deliveredOn, LocalDate dueOn, Integer contractTermDays) {
    }

    record Receivable(long id, String number, long creditorId, String creditorName, String creditorCode, long debtorId,
                      String debtorName, String debtorCode, String invoiceNumber, String contractNo, BigDecimal amount,
                      LocalDate deliveredOn, LocalDate dueOn, Integer contractTermDays, String source, String status,
                      Instant decisionAt, String decidedBy, String disputeReason, boolean signed, BigDecimal diluted,
                      BigDecimal paid, LocalDate paidOn, LocalDate voucherPaidOn, String createdBy, Instant createdAt,
                      int version) {

        /** What the debtor still owes after dilution and payments. */
        public BigDecimal outstanding() {
            return amount.subtract(diluted).subtract(paid).max(BigDecimal.ZERO);
        }
    }

    Receivable upload(Caller caller, Upload upload);

    /**
     * The debtor's answer: {@code decision} CONFIRMED or DISPUTED (with a {@code reason}). The debtor's
     * own software signs the canonical message ({@link #message}) at {@code signedAt} and sends the
     * {@code signature} (Base64 DER), which must verify against the debtor's registered SM2 key
     * ({@link SigningKeyRegistry}); {@code publicKey} is optional and must then be that key. Outside demo
     * mode a decision without a signature is refused. In demo mode, without a signature the platform
     * signs with a key it holds (a stand-in), and with no key registered a {@code publicKey} sent along
     * is accepted.
     */
    record Decision(String decision, String reason, Instant signedAt, String publicKey, String signature) {
        public Decision(String decision, String reason) {
            this(decision, reason, null, null, null);
        }
    }

    Receivable decide(Caller caller, long id, Decision decision);

    /** The canonical text the debtor signs for a decision at {@code signedAt} (UTF-8, LF line ends). */
    String message(Caller caller, long id, String decision, Instant signedAt);

    /**
     * Several decisions at once, all at {@code signedAt}: {@code signatures} maps each receivable id to
     * the debtor's signature over that receivable's canonical message (see {@link Decision}).
     */
    record Decisions(List<Long> ids, String decision, String reason, Instant signedAt, String publicKey,
                     Map<Long, String> signatures) {
    }

    /** The same for several receivables at once: all are decided, or none when one cannot be. */
    List<Receivable> decideAll(Caller caller, Decisions decisions);

    /** {@link #decideAll(Caller, Decisions)} without signatures: demo mode only (the platform-held keys sign). */
    default List<Receivable> decideAll(Caller caller, List<Long> ids, String decision, String reason) {
        return decideAll(caller, new Decisions(ids, decision, reason, null, null, null));
    }

    /**
     * A signature checked again from the stored fields, by anyone. {@code keyHolder} says whose key
     * signed: REGISTERED (the debtor's own, registered), PLATFORM (a key the platform held: a demo
     * stand-in) or UNREGISTERED (a key sent with the decision in demo mode, registered nowhere).
     */
    record Verification(String receivableNumber, String decision, String algorithm, String publicKey, String signature,
                        String message, boolean valid, String keyHolder) {

        /** Whether the signature is a demo stand-in rather than the signer's own. */
        public boolean standIn() {
            return !"REGISTERED".equals(keyHolder);
        }
    }

    Verification verify(Caller caller, long id);

    Receivable get(Caller caller, long id);

    /** {@code role} CREDITOR (mine as creditor), DEBTOR (my payables), FUNDER (financed or offered to me), or null for all visible. */
    record Filter(String status, String role) {
    }

    Page<Receivable> search(Caller caller, Filter filter, PageRequest page);

    /** A return or credit note reducing what the debtor owes; the funder is alerted when financed. */
    Receivable dilute(Caller caller, long id, BigDecimal amount, String reason);

    // ---- financing

    /**
     * A funder's answer to a financing request. {@code advanceRate} a fraction (0.8), {@code discountRate}
     * annual percent, both with at most two decimals; {@code fee} in yuan, none when absent; {@code kind}
     * FACTORING (transfer notice) or PLEDGE (pledge notice), {@code riskObligor} DEBTOR or SELLER: whose
     * limit at the funder the financing uses. {@code acceptJunior}: a PLEDGE that accepts to rank behind
     * another party's registered pledge of the receivable (never a factoring, which buys it).
     */
    record Terms(BigDecimal advanceRate, BigDecimal discountRate, BigDecimal fee, Boolean recourse, String kind,
                 String riskObligor, Boolean acceptJunior) {

        public Terms(BigDecimal advanceRate, BigDecimal discountRate, BigDecimal fee, Boolean recourse, String kind,
                     String riskObligor) {
            this(advanceRate, discountRate, fee, recourse, kind, riskObligor, null);
        }
    }

    record Offer(long id, long receivableId, String receivableNumber, long institutionId, String institutionName,
                 String status, BigDecimal advanceRate, BigDecimal discountRate, BigDecimal fee, Boolean recourse,
                 String kind, String riskObligor, BigDecimal advance, BigDecimal interest, Long loanId,
                 String loanNumber, String filingNumber, String notice, String refusal, Instant requestedAt,
                 Instant answeredAt, Instant acceptedAt, boolean acceptJunior) {
    }

    /** The creditor sends a confirmed receivable to one or several funders. */
    List<Offer> requestFinancing(Caller caller, long receivableId, List<Long> institutionIds);

    Offer offer(Caller caller, long offerId, Terms terms);

    Offer decline(Caller caller, long offerId, String reason);

    /**
     * The creditor accepts one offer: registry check and filing, the loan booked under the funder's
     * facility on the risk obligor, the debtor notified, the other offers lapse — one transaction.
     */
    Offer accept(Caller caller, long offerId);

    Page<Offer> offers(Caller caller, Long receivableId, String status, PageRequest page);

    /** The funder's pre-financing checklist (FACTS §4): invoice, related parties, registry, confirmation. */
    record Check(String item, boolean passed, String detail) {
    }

    List<Check> checklist(Caller caller, long offerId);

    // ---- collection and payment terms

    /** A payment by the debtor into the collection account: the funder is paid first, the rest is the seller's. */
    record Collection(long id, long receivableId, BigDecimal amount, LocalDate paidOn, BigDecimal toFunder,
                      BigDecimal toSeller, Long loanId) {
    }

    Collection pay(Caller caller, long receivableId, BigDecimal amount, LocalDate paidOn);

    /** A receivable paid late or still unpaid past its term (contract, or 60 days large-to-SME). */
    record Breach(long receivableId, String number, String creditorName, String debtorName, BigDecimal amount,
                  LocalDate deliveredOn, LocalDate dueOn, String rule, long daysLate, boolean unpaid, boolean byVoucher) {
    }

    /** Breaches as of the business date: a debtor's own, a regulator's (in its region) or everyone's. */
    Page<Breach> breaches(Caller caller, PageRequest page);

    /**
     * The payment-term breaches of the receivables one debtor owes, as of the business date, for the debtor's own
     * early-warning signal (the warning module scopes who reads the signal).
     */
    java.util.List<Breach> breachesOwedBy(long debtorId);
}
