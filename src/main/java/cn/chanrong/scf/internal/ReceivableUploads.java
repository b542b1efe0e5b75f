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
import org.springframework.stereotype.Component;

/**
 * A receivable put on the platform: by its creditor naming the debtor, or by the debtor uploading its
 * payable (which confirms it). One tied to an invoice must be between the invoice's parties, within
 * what is left of it, and the only one on it. Runs in the transaction {@link ReceivableService} starts.
 */
@Component
class ReceivableUploads {

    private final ReceivableStore store;
    private final InvoiceStore invoices;
    private final PartyStore parties;
    private final ReceivableConfirmations confirmations;
    private final PlatformMode mode;
    private final AuditTrail audit;

    ReceivableUploads(ReceivableStore store, InvoiceStore invoices, PartyStore parties,
                      ReceivableConfirmations confirmations, PlatformMode mode, AuditTrail audit) {
        this.store = store;
        this.invoices = invoices;
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
        Optional<PartyStore.Party> counterparty = parties.enterprise(other);
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
        PartyStore.Party me = parties.enterprise(caller.enterpriseId()).orElseThrow();
        if (problems.isEmpty() && u.invoiceNumber() != null && !u.invoiceNumber().isBlank()) {
            PartyStore.Party creditor = byDebtor ? counterparty.get() : me;
            PartyStore.Party debtor = byDebtor ? me : counterparty.get();
            checkInvoice(u.invoiceNumber().strip(), creditor, debtor, amount, problems);
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long seq = store.nextNumber();
        String number = String.format("AR%s%08d", today.toString().replace("-", ""), seq);
        long creditorId = byDebtor ? other : caller.enterpriseId();
        long debtorId = byDebtor ? caller.enterpriseId() : other;
        long id = store.insert(number, creditorId, debtorId,
                u.invoiceNumber() == null || u.invoiceNumber().isBlank() ? null : u.invoiceNumber().strip(),
                u.contractNo(), amount, u.deliveredOn(), u.dueOn(), u.contractTermDays(), byDebtor ? "DEBTOR" : "CREDITOR",
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.upload", "receivable", number,
                amount.toPlainString() + (byDebtor ? " payable confirmed by the debtor" : "")));
        if (byDebtor && ConfirmationSigning.platformMaySign(mode.demo())) {
            // a debtor uploading its payable confirms it; outside demo mode its own software signs that
            // confirmation next (the text names the receivable's number, which exists only now)
            return confirmations.sign(caller, store.lock(id), ConfirmationMessage.Decision.CONFIRMED, null, null, "signature");
        }
        return store.get(caller, id);
    }

    private void checkInvoice(String number, PartyStore.Party creditor, PartyStore.Party debtor, BigDecimal amount,
                              List<Rejection> problems) {
        Optional<InvoiceStore.Backing> inv = invoices.backing(number);
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
        if (store.invoiceUsed(number)) {
            problems.add(Rejection.of("scf.receivable.invoice-used", "invoiceNumber", number));
        }
    }

}
