package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.Receivables;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receivables on the platform, one transaction per call: invoices ({@link InvoiceService}), uploads
 * ({@link ReceivableUploads}), the debtor's signed decisions ({@link ReceivableConfirmations}), reads and
 * dilution here, financing ({@link FinancingService}), collection and payment terms
 * ({@link ReceivableCollections}).
 */
@Service
class ReceivableService implements Receivables {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");

    private final ReceivableStore store;
    private final InvoiceService invoices;
    private final ReceivableUploads uploads;
    private final ReceivableConfirmations confirmations;
    private final FinancingService financing;
    private final Dilutions dilutions;
    private final ReceivableCollections collections;
    private final AuditTrail audit;

    ReceivableService(ReceivableStore store, InvoiceService invoices, ReceivableUploads uploads,
                      ReceivableConfirmations confirmations, FinancingService financing, Dilutions dilutions,
                      ReceivableCollections collections, AuditTrail audit) {
        this.store = store;
        this.invoices = invoices;
        this.uploads = uploads;
        this.confirmations = confirmations;
        this.financing = financing;
        this.dilutions = dilutions;
        this.collections = collections;
        this.audit = audit;
    }

    static void enterpriseOnly(Caller caller) {
        if (!caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
    }

    // ---- invoices

    @Override
    public InvoiceImport importInvoices(Caller caller, String format, byte[] content) {
        return invoices.importInvoices(caller, format, content);
    }

    @Override
    public InvoiceImport importInvoices(Caller caller, String format, cn.chanrong.shared.Upload content) {
        return invoices.importInvoices(caller, format, content);
    }

    @Override
    public InvoiceView invoice(Caller caller, String number) {
        return invoices.view(caller, number);
    }

    // ---- receivables

    @Override
    @Transactional
    public Receivable upload(Caller caller, Upload u) {
        return uploads.upload(caller, u);
    }

    @Override
    @Transactional
    public Receivable decide(Caller caller, long id, Decision d) {
        return confirmations.decide(caller, id, d);
    }

    @Override
    @Transactional(readOnly = true)
    public String message(Caller caller, long id, String decision, Instant signedAt) {
        return confirmations.message(caller, id, decision, signedAt);
    }

    @Override
    @Transactional
    public List<Receivable> decideAll(Caller caller, Decisions decisions) {
        return confirmations.decideAll(caller, decisions);
    }

    /** Overrides the interface's convenience so that it, too, runs in one transaction (all or none). */
    @Override
    @Transactional
    public List<Receivable> decideAll(Caller caller, List<Long> ids, String decision, String reason) {
        return confirmations.decideAll(caller, new Decisions(ids, decision, reason, null, null, null));
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify(Caller caller, long id) {
        return confirmations.verify(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Receivable get(Caller caller, long id) {
        return store.get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Receivable> search(Caller caller, Filter filter, PageRequest page) {
        return store.search(caller, filter, page);
    }

    @Override
    @Transactional
    public Receivable dilute(Caller caller, long id, BigDecimal amount, String reason) {
        enterpriseOnly(caller);
        Receivable r = store.get(caller, id);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal a = Amounts.check(amount, "amount", false, MAX_AMOUNT, problems);
        if (a != null && a.signum() <= 0) {
            problems.add(Rejection.of("scf.positive", "amount", amount.toPlainString()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Rejection.of("scf.required", "reason"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (a.compareTo(r.outstanding()) > 0) {
            throw Rejected.invalid(Rejection.of("scf.receivable.over-diluted", "amount", a.toPlainString(),
                    r.outstanding().toPlainString()));
        }
        dilutions.dilute(id, a, reason.strip());
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.dilute", "receivable", r.number(),
                a.toPlainString() + ": " + reason.strip()));
        return store.get(caller, id);
    }

    // ---- financing

    @Override
    public List<Offer> requestFinancing(Caller caller, long receivableId, List<Long> institutionIds) {
        return financing.request(caller, receivableId, institutionIds);
    }

    @Override
    public Offer offer(Caller caller, long offerId, Terms terms) {
        return financing.offer(caller, offerId, terms);
    }

    @Override
    public Offer decline(Caller caller, long offerId, String reason) {
        return financing.decline(caller, offerId, reason);
    }

    @Override
    public Offer accept(Caller caller, long offerId) {
        return financing.accept(caller, offerId);
    }

    @Override
    public Page<Offer> offers(Caller caller, Long receivableId, String status, PageRequest page) {
        return financing.offers(caller, receivableId, status, page);
    }

    @Override
    public List<Check> checklist(Caller caller, long offerId) {
        return financing.checklist(caller, offerId);
    }


    // ---- collection and payment terms

    @Override
    @Transactional
    public Collection pay(Caller caller, long receivableId, BigDecimal amount, LocalDate paidOn) {
        return collections.pay(caller, receivableId, amount, paidOn);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Breach> breaches(Caller caller, PageRequest page) {
        return collections.breaches(caller, page);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Breach> breachesOwedBy(long debtorId) {
        return collections.breachesOwedBy(debtorId);
    }
}
