package cn.chanrong.scf.internal;

import static cn.chanrong.scf.internal.VoucherReads.fen;
import static cn.chanrong.scf.internal.VoucherReads.yuan;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.scf.domain.Settlement;
import cn.chanrong.scf.domain.VoucherParts;
import cn.chanrong.scf.domain.VoucherTerms;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
 * parts always sum to the face value.
 */
@Service
class VoucherService implements Vouchers {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final BigDecimal MAX_RATE = new BigDecimal("36");
    static final int MAX_BACKGROUND = 200;
    static final String DISCOUNT_PURPOSE = "voucher discount";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VoucherReads reads;
    private final TradeFinance tradeFinance;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    VoucherService(JdbcClient jdbc, TransactionTemplate tx, VoucherReads reads, TradeFinance tradeFinance,
                   BusinessDate businessDate, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reads = reads;
        this.tradeFinance = tradeFinance;
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
        } else if (!enterpriseExists(supplier)) {
            problems.add(Rejection.of("voucher.enterprise-unknown", "supplierId", supplier));
        }
        BigDecimal face = Amounts.parse(req.faceValue(), "faceValue", false, MAX_AMOUNT, problems);
        if (face != null && face.signum() <= 0) {
            problems.add(Rejection.of("voucher.positive", "faceValue", req.faceValue()));
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
            long root = insertPart(id, null, 1, supplier, face);
            backing.forEach((rid, amount) -> jdbc.sql("""
                            INSERT INTO scf_voucher_receivable (voucher_id, receivable_id, amount) VALUES (:v, :r, :a)""")
                    .param("v", id).param("r", rid).param("a", amount).update());
            if (!backing.isEmpty()) {
                jdbc.sql("UPDATE scf_receivable SET voucher_paid_on = :m, version = version + 1 WHERE id IN (:ids)")
                        .param("m", maturity).param("ids", List.copyOf(backing.keySet())).update();
            }
            event(new EventRow(id, root, "ISSUE", face, issuer, supplier, null, background,
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
            } else if (!"CONFIRMED".equals(row.status())) {
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

    // ---- split

    @Override
    public List<Part> split(Caller caller, long partId, SplitRequest r) {
        requireEnterprise(caller);
        List<Rejection> problems = new ArrayList<>();
        List<Long> pieces = new ArrayList<>();
        List<String> raw = r == null || r.amounts() == null ? List.of() : r.amounts();
        for (int i = 0; i < raw.size(); i++) {
            BigDecimal v = Amounts.parse(raw.get(i), "amounts[" + i + "]", true, MAX_AMOUNT, problems);
            pieces.add(v == null ? null : fen(v));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            Part p = lockLive(caller, partId);
            List<Rejection> rules = VoucherParts.split(fen(p.amount()), pieces);
            if (!rules.isEmpty()) {
                throw Rejected.invalid(rules);
            }
            List<Part> children = cut(caller, p, pieces);
            audit.record(AuditEvent.success(caller.username(), "voucher.split", "scf_voucher_part", p.id(),
                    p.voucherNumber() + " " + p.amount().toPlainString() + " into " + children.size()));
            return children;
        });
    }

    /** Spends {@code p} as SPLIT and creates its pieces at the same tier for the same holder. */
    private List<Part> cut(Caller caller, Part p, List<Long> pieces) {
        spend(p.id(), "SPLIT");
        List<Part> children = new ArrayList<>();
        for (long piece : pieces) {
            long id = insertPart(p.voucherId(), p.id(), p.tier(), p.holderId(), yuan(piece));
            children.add(reads.part(id).orElseThrow());
        }
        event(new EventRow(p.voucherId(), p.id(), "SPLIT", p.amount(), p.holderId(), p.holderId(), null, null,
                "into " + children.stream().map(c -> c.id() + ":" + c.amount().toPlainString())
                        .collect(Collectors.joining(", ")),
                null, null, caller.username(), businessDate.today()));
        return children;
    }

    // ---- transfer

    @Override
    public Transferred transfer(Caller caller, long partId, TransferRequest r) {
        requireEnterprise(caller);
        TransferRequest req = r == null ? new TransferRequest(null, null, null) : r;
        List<Rejection> problems = new ArrayList<>();
        Long to = req.toEnterpriseId();
        if (to == null) {
            problems.add(Rejection.of("required", "toEnterpriseId"));
        } else if (to.equals(caller.enterpriseId())) {
            problems.add(Rejection.of("voucher.transfer-self", "toEnterpriseId"));
        } else if (!enterpriseExists(to)) {
            problems.add(Rejection.of("voucher.enterprise-unknown", "toEnterpriseId", to));
        }
        BigDecimal amount = req.amount() == null || req.amount().isBlank() ? null
                : Amounts.parse(req.amount(), "amount", false, MAX_AMOUNT, problems);
        String background = background(req.tradeBackground(), problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            Part p = lockLive(caller, partId);
            Part source = p;
            Part remainder = null;
            if (amount != null && amount.compareTo(p.amount()) != 0) {
                if (amount.signum() <= 0 || amount.compareTo(p.amount()) > 0) {
                    throw Rejected.invalid(Rejection.of("voucher.transfer-amount", "amount", amount.toPlainString(),
                            p.amount().toPlainString()));
                }
                List<Part> halves = cut(caller, p, List.of(fen(amount), fen(p.amount()) - fen(amount)));
                source = halves.get(0);
                remainder = halves.get(1);
            }
            spend(source.id(), "TRANSFERRED");
            long child = insertPart(source.voucherId(), source.id(), source.tier() + 1, to, source.amount());
            event(new EventRow(source.voucherId(), source.id(), "TRANSFER", source.amount(), source.holderId(), to, null,
                    background, "to part " + child + " at tier " + (source.tier() + 1), null, null, caller.username(),
                    businessDate.today()));
            audit.record(AuditEvent.success(caller.username(), "voucher.transfer", "scf_voucher_part", source.id(),
                    p.voucherNumber() + " " + source.amount().toPlainString() + " to enterprise " + to + " on "
                            + background));
            return new Transferred(reads.part(child).orElseThrow(), remainder);
        });
    }

    // ---- discount

    @Override
    public Discounted discount(Caller caller, long partId, DiscountRequest r) {
        requireEnterprise(caller);
        DiscountRequest req = r == null ? new DiscountRequest(null, null, null) : r;
        List<Rejection> problems = new ArrayList<>();
        Long funder = req.institutionId();
        String funderName = null;
        if (funder == null) {
            problems.add(Rejection.of("required", "institutionId"));
        } else {
            funderName = jdbc.sql("SELECT name FROM institution WHERE id = :id").param("id", funder).query(String.class)
                    .optional().orElse(null);
            if (funderName == null) {
                problems.add(Rejection.of("voucher.funder-unknown", "institutionId", funder));
            }
        }
        BigDecimal rate = rate(req.annualRate(), problems);
        String background = background(req.tradeBackground(), problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        String funderLabel = funderName;
        return tx.execute(s -> {
            Part p = lockLive(caller, partId);
            LocalDate today = businessDate.today();
            if (!p.maturity().isAfter(today)) {
                throw Rejected.invalid(Rejection.of("voucher.discount-too-late", "partId", p.maturity()));
            }
            long days = ChronoUnit.DAYS.between(today, p.maturity());
            BigDecimal interest = p.amount().multiply(rate).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(36000), 2, RoundingMode.HALF_UP);
            BigDecimal payout = p.amount().subtract(interest);
            if (payout.signum() <= 0) {
                throw Rejected.invalid(Rejection.of("voucher.discount-payout", "annualRate", interest.toPlainString(),
                        p.amount().toPlainString()));
            }
            long issuer = reads.voucher(p.voucherId()).orElseThrow().issuerId();
            Loan loan = tradeFinance.book(new TradeFinance.Booking(funder, p.holderId(), issuer, null, payout, interest,
                    rate, today, p.maturity(), DISCOUNT_PURPOSE, "voucher-part:" + p.id(), p.holderName(),
                    caller.username()));
            int n = jdbc.sql("""
                            UPDATE scf_voucher_part SET status = 'DISCOUNTED', funder_id = :f, loan_id = :l,
                                discount_rate = :r, discount_interest = :i, discounted_on = :d
                            WHERE id = :id AND status = 'LIVE'""")
                    .param("f", funder).param("l", loan.id()).param("r", rate).param("i", interest).param("d", today)
                    .param("id", p.id()).update();
            if (n != 1) {
                throw spent(p.id());
            }
            event(new EventRow(p.voucherId(), p.id(), "DISCOUNT", p.amount(), p.holderId(), null, funder, background,
                    "loan " + loan.number() + ": payout " + payout.toPlainString() + ", interest "
                            + interest.toPlainString() + " at " + rate.toPlainString() + "% for " + days + " days",
                    loan.id(), lastEntry(loan.id()), caller.username(), today));
            audit.record(AuditEvent.success(caller.username(), "voucher.discount", "scf_voucher_part", p.id(),
                    p.voucherNumber() + " " + p.amount().toPlainString() + " with " + funderLabel + " as loan "
                            + loan.number()));
            return new Discounted(reads.part(p.id()).orElseThrow(), loan.id(), loan.number(), payout, interest, days);
        });
    }

    // ---- settle

    @Override
    public Settled settle(Caller caller, long voucherId, SettleRequest r) {
        requireEnterprise(caller);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.parse(r == null ? null : r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            lockVoucher(voucherId);
            Voucher v = reads.voucher(voucherId).orElseThrow();
            if (v.issuerId() != caller.enterpriseId()) {
                throw reads.visible(caller, voucherId)
                        ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-issuer", null, v.number()))
                        : Rejected.notFound("voucher", voucherId);
            }
            if (!"ISSUED".equals(v.status())) {
                throw Rejected.conflict(Rejection.of("voucher.settled", null, v.number(), v.status()));
            }
            LocalDate today = businessDate.today();
            if (today.isBefore(v.maturity())) {
                throw Rejected.invalid(Rejection.of("voucher.settle-early", "amount", v.maturity(), today));
            }
            List<Part> outstanding = reads.parts(voucherId).stream()
                    .filter(p -> "LIVE".equals(p.status()) || "DISCOUNTED".equals(p.status())).toList();
            Settlement.Plan plan = Settlement.plan(fen(amount), outstanding.stream()
                    .map(p -> new Settlement.LivePart(String.valueOf(p.id()), p.holderName(), fen(p.amount()),
                            "DISCOUNTED".equals(p.status()) ? p.funderName() : null))
                    .toList());
            if (!plan.rejections().isEmpty()) {
                throw Rejected.invalid(plan.rejections());
            }
            List<Line> lines = new ArrayList<>();
            Map<Long, BigDecimal> funderShortfall = new LinkedHashMap<>();
            for (int i = 0; i < outstanding.size(); i++) {
                Part p = outstanding.get(i);
                Settlement.Line line = plan.lines().get(i);
                lines.add(pay(caller, v, p, line, today, funderShortfall));
            }
            funderShortfall.forEach((funder, gap) -> jdbc.sql("""
                            INSERT INTO scf_alert (kind, institution_id, enterprise_id, subject, detail, amount, raised_on)
                            VALUES ('VOUCHER_OVERDUE', :i, :e, :s, :d, :a, :on)
                            ON CONFLICT (kind, subject, raised_on) DO NOTHING""")
                    .param("i", funder).param("e", v.issuerId()).param("s", "voucher:" + v.number() + ":" + funder)
                    .param("d", "Voucher " + v.number() + " of " + v.issuerName() + " unpaid at maturity " + v.maturity()
                            + ": " + gap.toPlainString() + " of the discounted parts overdue")
                    .param("a", gap).param("on", today).update());
            BigDecimal shortfall = yuan(plan.shortfallFen());
            jdbc.sql("UPDATE scf_voucher SET status = :st, paid = :p, settled_on = :d WHERE id = :id")
                    .param("st", shortfall.signum() == 0 ? "SETTLED" : "OVERDUE").param("p", amount).param("d", today)
                    .param("id", voucherId).update();
            audit.record(AuditEvent.success(caller.username(), "voucher.settle", "scf_voucher", v.number(),
                    "paid " + amount.toPlainString() + " of " + v.faceValue().toPlainString()
                            + (shortfall.signum() == 0 ? "" : ", overdue " + shortfall.toPlainString())));
            return new Settled(reads.voucher(voucherId).orElseThrow(), lines, shortfall);
        });
    }

    /** Pays one outstanding part its share: to the funder's loan when discounted, else to the holder. */
    private Line pay(Caller caller, Voucher v, Part p, Settlement.Line line, LocalDate today,
                     Map<Long, BigDecimal> funderShortfall) {
        BigDecimal paid = yuan(line.paidFen());
        BigDecimal gap = yuan(line.shortfallFen());
        int n = jdbc.sql("""
                        UPDATE scf_voucher_part SET status = 'SETTLED', paid = :p, shortfall = :g
                        WHERE id = :id AND status = :old""")
                .param("p", paid).param("g", gap).param("id", p.id()).param("old", p.status()).update();
        if (n != 1) {
            throw spent(p.id());
        }
        BigDecimal applied = null;
        Long entry = null;
        if (line.toFunder() && paid.signum() > 0) {
            applied = tradeFinance.collect(p.loanId(), paid, today, caller.username());
            entry = applied.signum() > 0 ? lastEntry(p.loanId()) : null;
        }
        event(new EventRow(v.id(), p.id(), "SETTLE", paid, v.issuerId(), line.toFunder() ? null : p.holderId(),
                line.toFunder() ? p.funderId() : null, null,
                "to " + line.payee() + (applied == null ? "" : ", applied to the loan " + applied.toPlainString()),
                line.toFunder() ? p.loanId() : null, entry, caller.username(), today));
        if (gap.signum() > 0) {
            event(new EventRow(v.id(), p.id(), "OVERDUE", gap, v.issuerId(), line.toFunder() ? null : p.holderId(),
                    line.toFunder() ? p.funderId() : null, null, "unpaid at maturity " + v.maturity(),
                    line.toFunder() ? p.loanId() : null, null, caller.username(), today));
            if (line.toFunder()) {
                funderShortfall.merge(p.funderId(), gap, BigDecimal::add);
            }
        }
        return new Line(p.id(), line.payee(), line.toFunder(), p.amount(), paid, gap,
                line.toFunder() ? p.loanId() : null, applied);
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

    // ---- the spending discipline

    private void lockVoucher(long voucherId) {
        jdbc.sql("SELECT id FROM scf_voucher WHERE id = :root FOR UPDATE").param("root", voucherId).query(Long.class)
                .optional().orElseThrow(() -> Rejected.notFound("voucher", voucherId));
    }

    /**
     * Locks the part's voucher, then reads the part afresh: it must be the caller's, LIVE, and its
     * voucher not past maturity.
     */
    private Part lockLive(Caller caller, long partId) {
        Long voucherId = jdbc.sql("SELECT voucher_id FROM scf_voucher_part WHERE id = :id").param("id", partId)
                .query(Long.class).optional().orElseThrow(() -> Rejected.notFound("voucher-part", partId));
        lockVoucher(voucherId);
        Part p = reads.part(partId).orElseThrow();
        if (p.holderId() != caller.enterpriseId()) {
            throw reads.visible(caller, voucherId)
                    ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-holder", "partId", partId))
                    : Rejected.notFound("voucher-part", partId);
        }
        if (!"LIVE".equals(p.status())) {
            throw Rejected.conflict(Rejection.of("voucher.part-spent", "partId", partId, p.status()));
        }
        LocalDate today = businessDate.today();
        if (today.isAfter(p.maturity())) {
            throw Rejected.invalid(Rejection.of("voucher.matured", "partId", p.maturity(), today));
        }
        return p;
    }

    /** The one update that spends a part: it must find the part LIVE, or someone spent it first. */
    private void spend(long partId, String status) {
        int n = jdbc.sql("UPDATE scf_voucher_part SET status = :s WHERE id = :id AND status = 'LIVE'")
                .param("s", status).param("id", partId).update();
        if (n != 1) {
            throw spent(partId);
        }
    }

    private Rejected spent(long partId) {
        String status = jdbc.sql("SELECT status FROM scf_voucher_part WHERE id = :id").param("id", partId)
                .query(String.class).optional().orElse("?");
        return Rejected.conflict(Rejection.of("voucher.part-spent", "partId", partId, status));
    }

    private long insertPart(long voucherId, Long parentId, int tier, long holderId, BigDecimal amount) {
        return jdbc.sql("""
                        INSERT INTO scf_voucher_part (voucher_id, parent_id, tier, holder_id, amount, status)
                        VALUES (:v, :p, :t, :h, :a, 'LIVE') RETURNING id""")
                .param("v", voucherId).param("p", parentId, java.sql.Types.BIGINT).param("t", tier).param("h", holderId)
                .param("a", amount).query(Long.class).single();
    }

    record EventRow(long voucherId, Long partId, String kind, BigDecimal amount, Long from, Long to, Long toInstitution,
                    String tradeBackground, String detail, Long loanId, Long entryId, String actor, LocalDate date) {
    }

    private void event(EventRow e) {
        jdbc.sql("""
                        INSERT INTO scf_voucher_event (voucher_id, part_id, kind, amount, from_enterprise_id,
                            to_enterprise_id, to_institution_id, trade_background, detail, loan_id, entry_id, actor,
                            business_date)
                        VALUES (:v, :p, :k, :a, :f, :t, :ti, :tb, :d, :l, :en, :by, :on)""")
                .param("v", e.voucherId()).param("p", e.partId(), java.sql.Types.BIGINT).param("k", e.kind())
                .param("a", e.amount()).param("f", e.from(), java.sql.Types.BIGINT)
                .param("t", e.to(), java.sql.Types.BIGINT).param("ti", e.toInstitution(), java.sql.Types.BIGINT)
                .param("tb", e.tradeBackground(), java.sql.Types.VARCHAR).param("d", e.detail(), java.sql.Types.VARCHAR)
                .param("l", e.loanId(), java.sql.Types.BIGINT).param("en", e.entryId(), java.sql.Types.BIGINT)
                .param("by", e.actor()).param("on", e.date()).update();
    }

    /** The ledger entry of the loan's latest transaction (the disbursement just booked, or a collection). */
    private Long lastEntry(long loanId) {
        return jdbc.sql("SELECT entry_id FROM loan_transaction WHERE loan_id = :l ORDER BY id DESC LIMIT 1")
                .param("l", loanId).query(Long.class).optional().orElse(null);
    }

    // ---- input

    private static void requireEnterprise(Caller caller) {
        if (!VoucherReads.enterpriseRole(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.enterprise-only", null));
        }
    }

    private boolean enterpriseExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private static LocalDate date(String raw, String field, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", field, raw));
            return null;
        }
    }

    /** The trade background a transfer or discount rests on: the contract or invoice between the parties. */
    private static String background(String raw, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("voucher.trade-background-required", "tradeBackground"));
            return null;
        }
        String v = raw.strip();
        if (v.length() > MAX_BACKGROUND) {
            problems.add(Rejection.of("voucher.trade-background-long", "tradeBackground", MAX_BACKGROUND));
            return null;
        }
        return v;
    }

    private static BigDecimal rate(String raw, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("required", "annualRate"));
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(raw.strip());
            if (v.signum() <= 0 || v.compareTo(MAX_RATE) >= 0 || v.stripTrailingZeros().scale() > 4) {
                problems.add(Rejection.of("voucher.rate-range", "annualRate", raw, MAX_RATE));
                return null;
            }
            return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
        } catch (NumberFormatException e) {
            problems.add(Rejection.of("amount.format", "annualRate", raw));
            return null;
        }
    }
}
