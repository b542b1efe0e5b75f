package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.scf.Receivables.Breach;
import cn.chanrong.scf.Receivables.Collection;
import cn.chanrong.scf.Receivables.Receivable;
import cn.chanrong.scf.domain.PaymentTerms;
import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the debtor pays on a receivable — the funder's loan collected first, the rest the seller's —
 * and the statutory payment terms it is measured against. Runs in the transaction
 * {@link ReceivableService} starts.
 */
@Component
class ReceivableCollections {

    private final ReceivableStore store;
    private final OfferStore offers;
    private final PartyStore parties;
    private final TradeFinance tradeFinance;
    private final AuditTrail audit;

    ReceivableCollections(ReceivableStore store, OfferStore offers, PartyStore parties, TradeFinance tradeFinance,
                          AuditTrail audit) {
        this.store = store;
        this.offers = offers;
        this.parties = parties;
        this.tradeFinance = tradeFinance;
        this.audit = audit;
    }

    Collection pay(Caller caller, long receivableId, BigDecimal amount, LocalDate paidOn) {
        ReceivableService.enterpriseOnly(caller);
        Receivable r = store.get(caller, receivableId);
        if (r.debtorId() != caller.enterpriseId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-debtor", null, r.number()));
        }
        r = store.lock(receivableId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal a = Amounts.check(amount, "amount", false, ReceivableService.MAX_AMOUNT, problems);
        LocalDate today = parties.today();
        LocalDate on = paidOn == null ? today : paidOn;
        if (on.isAfter(today)) {
            problems.add(Rejection.of("date.future", "paidOn", on, today));
        }
        if (a != null && (a.signum() <= 0 || a.compareTo(r.outstanding()) > 0)) {
            problems.add(Rejection.of("scf.receivable.pay-amount", "amount", amount.toPlainString(),
                    r.outstanding().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        boolean settled = a.compareTo(r.outstanding()) == 0;
        ReceivableStatus status = ReceivableStatus.of(r.status());
        ReceivableStatus after = status.pay(r.number(), settled).orThrow();
        Long loanId = status == ReceivableStatus.FINANCED ? offers.acceptedLoan(receivableId).orElse(null) : null;
        BigDecimal toFunder = loanId == null ? BigDecimal.ZERO : tradeFinance.collect(loanId, a, on, caller.username());
        BigDecimal toSeller = a.subtract(toFunder);
        long id = store.insertCollection(receivableId, a, on, toFunder, toSeller, loanId, caller.username());
        store.recordPayment(receivableId, a, on, after);
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.pay", "receivable", r.number(),
                a.toPlainString() + " on " + on + ": funder " + toFunder.toPlainString() + ", seller "
                        + toSeller.toPlainString()));
        return new Collection(id, receivableId, a, on, toFunder, toSeller, loanId);
    }

    Page<Breach> breaches(Caller caller, PageRequest page) {
        if (caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.not-for-institutions", null));
        }
        List<Breach> all = breaches(store.terms(caller, parties.today()));
        int from = (int) Math.min(all.size(), page.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), page.page(), page.size(), all.size());
    }

    /** The breaches of the receivables {@code debtorId} owes, as of the business date. */
    List<Breach> breachesOwedBy(long debtorId) {
        return breaches(store.termsOwedBy(debtorId, parties.today()));
    }

    private List<Breach> breaches(List<ReceivableStore.Term> rows) {
        LocalDate today = parties.today();
        List<Breach> all = new ArrayList<>();
        for (ReceivableStore.Term r : rows) {
            Optional<PaymentTerms.Breach> b = r.voucher() != null
                    ? PaymentTerms.overdueByVoucher(r.delivered(), r.term(), r.debtorLarge(), r.creditorSme(), false, r.voucher())
                    : PaymentTerms.overdue(r.delivered(), r.term(), r.debtorLarge(), r.creditorSme(), false,
                    r.paid() ? r.paidOn() : null, today);
            b.ifPresent(x -> all.add(new Breach(r.id(), r.number(), r.creditor(), r.debtor(), r.amount(), r.delivered(),
                    x.dueOn(), x.rule().name(), x.daysLate(), x.unpaid(), r.voucher() != null)));
        }
        return all;
    }
}
