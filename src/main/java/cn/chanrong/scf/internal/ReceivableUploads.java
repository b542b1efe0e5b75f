package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.PlatformMode;
import cn.chanrong.scf.Receivables.Receivable;
import cn.chanrong.scf.Receivables.Upload;
import cn.chanrong.scf.domain.ConfirmationMessage;
import cn.chanrong.scf.domain.ConfirmationSigning;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A receivable put on the platform: by its creditor naming the debtor, or by the debtor uploading its
 * payable (which confirms it). One tied to an invoice must be between the invoice's parties, within
 * what is left of it, and the only one on it. Runs in the transaction {@link ReceivableService} starts.
 */
@Component
class ReceivableUploads {

    private final JdbcClient jdbc;
    private final ReceivableStore store;
    private final Parties parties;
    private final ReceivableConfirmations confirmations;
    private final PlatformMode mode;
    private final AuditTrail audit;

    ReceivableUploads(JdbcClient jdbc, ReceivableStore store, Parties parties, ReceivableConfirmations confirmations,
                      PlatformMode mode, AuditTrail audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.parties = parties;
        this.confirmations = confirmations;
        this.mode = mode;
        this.audit = audit;
    }

    Receivable upload(Caller caller, Upload u) {
        ReceivableService.enterpriseOnly(caller);
        List<Rejection> problems = new ArrayList<>();
        boolean byDebtor = u.creditorId() != null && u.debtorId() == null;
        if ((u.creditorId() == null) == (u.debtorId() == null)) {
            throw Rejected.invalid(Rejection.of("scf.receivable.party", "debtorId"));
        }
        long other = byDebtor ? u.creditorId() : u.debtorId();
        String otherField = byDebtor ? "creditorId" : "debtorId";
        Optional<Parties.Party> counterparty = parties.enterprise(other);
        if (counterparty.isEmpty()) {
            problems.add(Rejection.of("scf.enterprise.unknown", otherField, other));
        } else if (other == caller.enterpriseId()) {
            problems.add(Rejection.of("scf.receivable.self", otherField));
        }
        BigDecimal amount = Amounts.check(u.amount(), "amount", false, ReceivableService.MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("scf.positive", "amount", u.amount().toPlainString()));
        }
        LocalDate today = parties.today();
        if (u.deliveredOn() == null) {
            problems.add(Rejection.of("scf.required", "deliveredOn"));
        } else if (u.deliveredOn().isAfter(today)) {
            problems.add(Rejection.of("date.future", "deliveredOn", u.deliveredOn(), today));
        }
        if (u.dueOn() == null) {
            problems.add(Rejection.of("scf.required", "dueOn"));
        } else if (u.deliveredOn() != null && u.dueOn().isBefore(u.deliveredOn())) {
            problems.add(Rejection.of("date.too-early", "dueOn", u.dueOn(), u.deliveredOn()));
        }
        if (u.contractTermDays() != null && (u.contractTermDays() < 0 || u.contractTermDays() > 3650)) {
            problems.add(Rejection.of("range", "contractTermDays", 0, 3650, u.contractTermDays()));
        }
        Parties.Party me = parties.enterprise(caller.enterpriseId()).orElseThrow();
        if (problems.isEmpty() && u.invoiceNumber() != null && !u.invoiceNumber().isBlank()) {
            Parties.Party creditor = byDebtor ? counterparty.get() : me;
            Parties.Party debtor = byDebtor ? me : counterparty.get();
            checkInvoice(u.invoiceNumber().strip(), creditor, debtor, amount, problems);
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long seq = jdbc.sql("SELECT nextval('scf_receivable_number')").query(Long.class).single();
        String number = String.format("AR%s%08d", today.toString().replace("-", ""), seq);
        long creditorId = byDebtor ? other : caller.enterpriseId();
        long debtorId = byDebtor ? caller.enterpriseId() : other;
        long id = jdbc.sql("""
                        INSERT INTO scf_receivable (number, creditor_id, debtor_id, invoice_number, contract_no, amount,
                            delivered_on, due_on, contract_term_days, source, status, created_by)
                        VALUES (:n, :c, :d, :inv, :k, :a, :del, :due, :term, :src, 'UPLOADED', :by) RETURNING id""")
                .param("n", number).param("c", creditorId).param("d", debtorId)
                .param("inv", u.invoiceNumber() == null || u.invoiceNumber().isBlank() ? null : u.invoiceNumber().strip())
                .param("k", u.contractNo()).param("a", amount).param("del", u.deliveredOn()).param("due", u.dueOn())
                .param("term", u.contractTermDays()).param("src", byDebtor ? "DEBTOR" : "CREDITOR")
                .param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.upload", "receivable", number,
                amount.toPlainString() + (byDebtor ? " payable confirmed by the debtor" : "")));
        if (byDebtor && ConfirmationSigning.platformMaySign(mode.demo())) {
            // a debtor uploading its payable confirms it; outside demo mode its own software signs that
            // confirmation next (the text names the receivable's number, which exists only now)
            return confirmations.sign(caller, store.lock(id), ConfirmationMessage.Decision.CONFIRMED, null, null, "signature");
        }
        return store.get(caller, id);
    }

    private void checkInvoice(String number, Parties.Party creditor, Parties.Party debtor, BigDecimal amount,
                              List<Rejection> problems) {
        record Inv(String seller, String buyer, BigDecimal total, BigDecimal reversed, boolean red) {
        }
        Optional<Inv> inv = jdbc.sql("""
                        SELECT i.seller_code, i.buyer_code, i.total,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0),
                               i.red_letter_of IS NOT NULL
                          FROM scf_invoice i WHERE i.number = :n""")
                .param("n", number).query((rs, i) -> new Inv(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBoolean(5))).optional();
        if (inv.isEmpty() || inv.get().red()) {
            problems.add(Rejection.of("scf.receivable.invoice-unknown", "invoiceNumber", number));
            return;
        }
        if (!inv.get().seller().equals(creditor.creditCode()) || !inv.get().buyer().equals(debtor.creditCode())) {
            problems.add(Rejection.of("scf.receivable.invoice-parties", "invoiceNumber", number));
        }
        BigDecimal left = inv.get().total().subtract(inv.get().reversed());
        if (amount.compareTo(left) > 0) {
            problems.add(Rejection.of("scf.receivable.invoice-amount", "amount", amount.toPlainString(),
                    left.toPlainString(), number));
        }
        if (jdbc.sql("SELECT count(*) FROM scf_receivable WHERE invoice_number = :n").param("n", number)
                .query(Long.class).single() > 0) {
            problems.add(Rejection.of("scf.receivable.invoice-used", "invoiceNumber", number));
        }
    }

}
