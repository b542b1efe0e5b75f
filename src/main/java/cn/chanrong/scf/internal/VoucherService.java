package cn.chanrong.scf.internal;

import static cn.chanrong.scf.internal.VoucherInputs.MAX_AMOUNT;
import static cn.chanrong.scf.internal.VoucherInputs.background;
import static cn.chanrong.scf.internal.VoucherInputs.date;
import static cn.chanrong.scf.internal.VoucherInputs.fen;
import static cn.chanrong.scf.internal.VoucherInputs.requireEnterprise;
import static cn.chanrong.scf.internal.VoucherInputs.yuan;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.scf.domain.PenetrationTree;
import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.scf.domain.VoucherTerms;
import cn.chanrong.scf.internal.VoucherStore.EventRow;
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

    private final TransactionTemplate tx;
    private final VoucherStore store;
    private final ReceivableStore receivables;
    private final PartyStore parties;
    private final VoucherMoves moves;
    private final VoucherSettlement settlement;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    VoucherService(TransactionTemplate tx, VoucherStore store, ReceivableStore receivables, PartyStore parties,
                   VoucherMoves moves, VoucherSettlement settlement, BusinessDate businessDate, AuditTrail audit) {
        this.tx = tx;
        this.store = store;
        this.receivables = receivables;
        this.parties = parties;
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
        } else if (!parties.enterpriseExists(supplier)) {
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
            long seq = store.nextNumber();
            String number = String.format("EV%s%08d", today.toString().replace("-", ""), seq);
            long id = store.insert(number, issuer, supplier, face, today, maturity, overDefault, background,
                    caller.username());
            long root = store.insertPart(id, null, 1, supplier, face);
            backing.forEach((rid, amount) -> store.backBy(id, rid, amount));
            if (!backing.isEmpty()) {
                receivables.paidByVoucher(List.copyOf(backing.keySet()), maturity);
            }
            store.event(new EventRow(id, root, "ISSUE", face, issuer, supplier, null, background,
                    "maturity " + maturity + (overDefault ? ", over the default term" : "")
                            + (backing.isEmpty() ? "" : ", against receivables " + backing.keySet()),
                    null, null, caller.username(), today));
            audit.record(AuditEvent.success(caller.username(), "voucher.issue", "scf_voucher", number,
                    face.toPlainString() + " to enterprise " + supplier + " maturing " + maturity));
            return store.voucher(id).orElseThrow();
        });
    }

    /** Locks the backing receivables and checks they are the issuer's confirmed payables to the supplier, unused. */
    private Map<Long, BigDecimal> receivables(List<Long> ids, long issuer, long supplier, BigDecimal face) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, ReceivableStore.Backing> rows = receivables.lockForVoucher(ids).stream()
                .collect(Collectors.toMap(ReceivableStore.Backing::id, x -> x));
        List<Rejection> problems = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Long id : ids) {
            ReceivableStore.Backing row = rows.get(id);
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
        return store.search(caller, filter, page);
    }

    @Override
    public Detail get(Caller caller, long voucherId) {
        Voucher v = store.visibleVoucher(caller, voucherId);
        return new Detail(v, store.parts(voucherId), store.events(voucherId), store.receivables(voucherId));
    }

    @Override
    public Tree tree(Caller caller, long voucherId) {
        return tree(store.visibleVoucher(caller, voucherId));
    }

    /** The penetration tree of a voucher, with what {@link PenetrationTree#check} finds wrong (nothing, normally). */
    private Tree tree(Voucher v) {
        List<Part> parts = store.parts(v.id());
        Map<String, Part> byId = new LinkedHashMap<>();
        parts.forEach(p -> byId.put(String.valueOf(p.id()), p));
        PenetrationTree.Built built = PenetrationTree.build(parts.stream().map(p -> new PenetrationTree.Part(
                String.valueOf(p.id()), p.parentId() == null ? null : String.valueOf(p.parentId()), p.holderName(),
                fen(p.amount()), PenetrationTree.Status.valueOf(p.status()), p.tier())).toList());
        if (built.root() == null) {
            return new Tree(v.id(), v.number(), v.faceValue(), null, Map.of(),
                    built.rejections().stream().map(Rejection::code).toList());
        }
        List<String> problems = PenetrationTree.check(built.root(), fen(v.faceValue())).stream().map(Rejection::code)
                .toList();
        Map<Integer, BigDecimal> byTier = new LinkedHashMap<>();
        built.root().outstandingByTier().forEach((tier, amount) -> byTier.put(tier, yuan(amount)));
        return new Tree(v.id(), v.number(), v.faceValue(), node(built.root(), byId), byTier, problems);
    }

    private static Node node(PenetrationTree.Node n, Map<String, Part> byId) {
        Part p = byId.get(n.part().id());
        return new Node(p.id(), p.parentId(), p.tier(), p.holderId(), p.holderName(), p.amount(), p.status(),
                p.funderId(), p.funderName(), n.children().stream().map(c -> node(c, byId)).toList());
    }

    @Override
    public Page<Part> parts(Caller caller, boolean liveOnly, PageRequest page) {
        requireEnterprise(caller);
        return store.held(caller, liveOnly, page);
    }

    @Override
    public List<Imbalance> conservation(Long voucherId) {
        return store.conservation(voucherId);
    }
}
