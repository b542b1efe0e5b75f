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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the debtor pays on a receivable — the funder's loan collected first, the rest the seller's —
 * and the statutory payment terms it is measured against. Runs in the transaction
 * {@link ReceivableService} starts.
 */
@Component
class ReceivableCollections {

    private final JdbcClient jdbc;
    private final ReceivableStore store;
    private final Parties parties;
    private final TradeFinance tradeFinance;
    private final AuditTrail audit;

    ReceivableCollections(JdbcClient jdbc, ReceivableStore store, Parties parties, TradeFinance tradeFinance,
                          AuditTrail audit) {
        this.jdbc = jdbc;
        this.store = store;
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
        Long loanId = status == ReceivableStatus.FINANCED ? jdbc.sql("""
                        SELECT loan_id FROM scf_financing_offer WHERE receivable_id = :r AND status = 'ACCEPTED'""")
                .param("r", receivableId).query(Long.class).optional().orElse(null) : null;
        BigDecimal toFunder = loanId == null ? BigDecimal.ZERO : tradeFinance.collect(loanId, a, on, caller.username());
        BigDecimal toSeller = a.subtract(toFunder);
        long id = jdbc.sql("""
                        INSERT INTO scf_collection (receivable_id, amount, paid_on, to_funder, to_seller, loan_id, recorded_by)
                        VALUES (:r, :a, :on, :f, :s, :l, :by) RETURNING id""")
                .param("r", receivableId).param("a", a).param("on", on).param("f", toFunder).param("s", toSeller)
                .param("l", loanId).param("by", caller.username()).query(Long.class).single();
        jdbc.sql("""
                        UPDATE scf_receivable SET paid = paid + :a, paid_on = :on, version = version + 1,
                            status = :status WHERE id = :id""")
                .param("a", a).param("on", on).param("status", after.name()).param("id", receivableId).update();
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.pay", "receivable", r.number(),
                a.toPlainString() + " on " + on + ": funder " + toFunder.toPlainString() + ", seller "
                        + toSeller.toPlainString()));
        return new Collection(id, receivableId, a, on, toFunder, toSeller, loanId);
    }

    Page<Breach> breaches(Caller caller, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = ReceivableStore.visible(caller, params);
        if (caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.not-for-institutions", null));
        }
        LocalDate today = parties.today();
        params.put("today", today);
        record Row(long id, String number, String creditor, String debtor, BigDecimal amount, LocalDate delivered,
                   Integer term, boolean debtorLarge, boolean creditorSme, LocalDate paidOn, boolean paid,
                   LocalDate voucher) {
        }
        String debtorSize = cn.chanrong.enterprise.EnterpriseSql.SIZE;
        String creditorSize = debtorSize.replace("e.", "c.");
        List<Row> rows = jdbc.sql("SELECT r.id, r.number, c.name, d.name, r.amount, r.delivered_on, r.contract_term_days, ("
                        + debtorSize.replace("e.", "d.") + ") = 'LARGE', (" + creditorSize + ") <> 'LARGE', r.paid_on,"
                        + " r.paid + r.diluted >= r.amount, r.voucher_paid_on" + ReceivableStore.FROM + " WHERE " + where
                        + " AND r.status <> 'DISPUTED' AND r.delivered_on < CAST(:today AS date) ORDER BY r.delivered_on, r.id")
                .params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), (Integer) rs.getObject(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getObject(10, LocalDate.class), rs.getBoolean(11),
                        rs.getObject(12, LocalDate.class)))
                .list();
        List<Breach> all = new ArrayList<>();
        for (Row r : rows) {
            Optional<PaymentTerms.Breach> b = r.voucher() != null
                    ? PaymentTerms.overdueByVoucher(r.delivered(), r.term(), r.debtorLarge(), r.creditorSme(), false, r.voucher())
                    : PaymentTerms.overdue(r.delivered(), r.term(), r.debtorLarge(), r.creditorSme(), false,
                    r.paid() ? r.paidOn() : null, today);
            b.ifPresent(x -> all.add(new Breach(r.id(), r.number(), r.creditor(), r.debtor(), r.amount(), r.delivered(),
                    x.dueOn(), x.rule().name(), x.daysLate(), x.unpaid(), r.voucher() != null)));
        }
        int from = (int) Math.min(all.size(), page.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), page.page(), page.size(), all.size());
    }
}
