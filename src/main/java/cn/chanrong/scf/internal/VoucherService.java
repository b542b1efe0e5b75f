package cn.chanrong.scf.internal;

import static cn.chanrong.scf.internal.VoucherInputs.MAX_AMOUNT;
import static cn.chanrong.scf.internal.VoucherInputs.background;
import static cn.chanrong.scf.internal.VoucherInputs.date;
import static cn.chanrong.scf.internal.VoucherInputs.requireEnterprise;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.scf.domain.VoucherTerms;
import cn.chanrong.scf.internal.VoucherSpending.EventRow;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-vouchers. Every command that moves a part runs in one transaction that first locks the voucher's
 * row, then re-reads the part and spends it with an update that must find it LIVE: two holders' clients
 * racing on one part queue on the lock, and the second finds the part spent (409), so the outstanding
 * parts always sum to the face value. Issue and the reads live here; {@link VoucherMoves} splits, transfers
 * and discounts, {@link VoucherSettlement} settles, both through {@link VoucherSpending}.
 */
@Service
class VoucherService implements Vouchers {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VoucherReads reads;
    private final VoucherSpending spending;
    private final VoucherMoves moves;
    private final VoucherSettlement settlement;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    VoucherService(JdbcClient jdbc, TransactionTemplate tx, VoucherReads reads, VoucherSpending spending,
                   VoucherMoves moves, VoucherSettlement settlement, BusinessDate businessDate, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reads = reads;
        this.spending = spending;
        this.moves = moves;
        this.settlement = settlement;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    // ---- issue

    @Override
    public Voucher issue(Caller caller, IssueRequest r) {
        requireEnterprise(caller);
        IssueRequest req = r == null ? new IssueRequest(null, null, null, null, null, null) : r;
        LocalDate today = businessDate.today();
        long issuer = caller.enterpriseId();
        List<Rejection> problems = new ArrayList<>();
        Long supplier = req.supplierId();
        if (supplier == null) {
            problems.add(Rejection.of("required", "supplierId"));
        } else if (supplier == issuer) {
            problems.add(Rejection.of("voucher.supplier-self", "supplierId"));
        } else if (!spending.enterpriseExists(supplier)) {
            problems.add(Rejection.of("voucher.enterprise-unknown", "supplierId", supplier));
        }
        BigDecimal face = Amounts.check(req.faceValue(), "faceValue", false, MAX_AMOUNT, problems);
        if (face != null && face.signum() <= 0) {
            problems.add(Rejection.of("voucher.positive", "faceValue", req.faceValue().toPlainString()));
        }
        boolean overDefault = Boolean.TRUE.equals(req.overDefault());
        LocalDate maturity = date(req.maturity(), "maturity", problems);
        if (maturity != null || req.maturity() == null || req.maturity().isBlank()) {
            problems.addAll(VoucherTerms.check(today, maturity, overDefault));
        }
        String background = background(req.tradeBackground(), problems);
        List<Long> receivableIds = req.receivableIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(req.receivableIds().stream().filter(x -> x != null).toList()));
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            Map<Long, BigDecimal> backing = receivables(receivableIds, issuer, supplier, face);
            long seq = jdbc.sql("SELECT nextval('scf_voucher_number')").query(Long.class).single();
            String number = String.format("EV%s%08d", today.toString().replace("-", ""), seq);
            long id = jdbc.sql("""
                            INSERT INTO scf_voucher (number, issuer_id, supplier_id, face_value, issued_on, maturity,
                                over_default, trade_background, status, created_by)
                            VALUES (:n, :i, :s, :f, :d, :m, :o, :tb, 'ISSUED', :by) RETURNING id""")
                    .param("n", number).param("i", issuer).param("s", supplier).param("f", face).param("d", today)
                    .param("m", maturity).param("o", overDefault).param("tb", background).param("by", caller.username())
                    .query(Long.class).single();
            long root = spending.insertPart(id, null, 1, supplier, face);
            backing.forEach((rid, amount) -> jdbc.sql("""
                            INSERT INTO scf_voucher_receivable (voucher_id, receivable_id, amount) VALUES (:v, :r, :a)""")
                    .param("v", id).param("r", rid).param("a", amount).update());
            if (!backing.isEmpty()) {
                jdbc.sql("UPDATE scf_receivable SET voucher_paid_on = :m, version = version + 1 WHERE id IN (:ids)")
                        .param("m", maturity).param("ids", List.copyOf(backing.keySet())).update();
            }
            spending.event(new EventRow(id, root, "ISSUE", face, issuer, supplier, null, background,
                    "maturity " + maturity + (overDefault ? ", over the default term" : "")
                            + (backing.isEmpty() ? "" : ", against receivables " + backing.keySet()),
                    null, null, caller.username(), today));
            audit.record(AuditEvent.success(caller.username(), "voucher.issue", "scf_voucher", number,
                    face.toPlainString() + " to enterprise " + supplier + " maturing " + maturity));
            return reads.voucher(id).orElseThrow();
        });
    }

    /** Locks the backing receivables and checks they are the issuer's confirmed payables to the supplier, unused. */
    private Map<Long, BigDecimal> receivables(List<Long> ids, long issuer, long supplier, BigDecimal face) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        record Row(long id, String number, long creditor, long debtor, String status, BigDecimal open, boolean used) {
        }
        Map<Long, Row> rows = jdbc.sql("""
                        SELECT r.id, r.number, r.creditor_id, r.debtor_id, r.status, r.amount - r.diluted - r.paid AS open,
                               (r.voucher_paid_on IS NOT NULL
                                 OR EXISTS (SELECT 1 FROM scf_voucher_receivable x WHERE x.receivable_id = r.id)) AS used
                          FROM scf_receivable r WHERE r.id IN (:ids) ORDER BY r.id FOR UPDATE OF r""")
                .param("ids", ids)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBoolean(7)))
                .list().stream().collect(Collectors.toMap(Row::id, x -> x));
        List<Rejection> problems = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Long id : ids) {
            Row row = rows.get(id);
            if (row == null || (row.debtor() != issuer && row.creditor() != issuer)) {
                problems.add(Rejection.of("voucher.receivable-unknown", "receivableIds", id));
            } else if (row.debtor() != issuer || row.creditor() != supplier) {
                problems.add(Rejection.of("voucher.receivable-parties", "receivableIds", row.number()));
            } else if (ReceivableStatus.of(row.status()) != ReceivableStatus.CONFIRMED) {
                problems.add(Rejection.of("voucher.receivable-status", "receivableIds", row.number(), row.status()));
            } else if (row.used()) {
                problems.add(Rejection.of("voucher.receivable-used", "receivableIds", row.number()));
            } else {
                total = total.add(row.open());
                out.put(id, row.open());
            }
        }
        if (problems.isEmpty() && total.compareTo(face) < 0) {
            problems.add(Rejection.of("voucher.receivables-short", "receivableIds", total.toPlainString(),
                    face.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return out;
    }

    // ---- split, transfer, discount (VoucherMoves), settle (VoucherSettlement)

    @Override
    public List<Part> split(Caller caller, long partId, SplitRequest r) {
        return moves.split(caller, partId, r);
    }

    @Override
    public Transferred transfer(Caller caller, long partId, TransferRequest r) {
        return moves.transfer(caller, partId, r);
    }

    @Override
    public Discounted discount(Caller caller, long partId, DiscountRequest r) {
        return moves.discount(caller, partId, r);
    }

    @Override
    public Settled settle(Caller caller, long voucherId, SettleRequest r) {
        return settlement.settle(caller, voucherId, r);
    }

    @Override
    public Settled payOverdue(Caller caller, long voucherId, SettleRequest r) {
        return settlement.payOverdue(caller, voucherId, r);
    }

    // ---- reads

    @Override
    public Page<Voucher> search(Caller caller, Filter filter, PageRequest page) {
        return reads.search(caller, filter, page);
    }

    @Override
    public Detail get(Caller caller, long voucherId) {
        Voucher v = reads.visibleVoucher(caller, voucherId);
        return new Detail(v, reads.parts(voucherId), reads.events(voucherId), reads.receivables(voucherId));
    }

    @Override
    public Tree tree(Caller caller, long voucherId) {
        return reads.tree(reads.visibleVoucher(caller, voucherId));
    }

    @Override
    public Page<Part> parts(Caller caller, boolean liveOnly, PageRequest page) {
        requireEnterprise(caller);
        return reads.held(caller, liveOnly, page);
    }

    @Override
    public List<Imbalance> conservation(Long voucherId) {
        return reads.conservation(voucherId);
    }
}
