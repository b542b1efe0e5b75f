package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.scf.WarehouseReceipts;
import cn.chanrong.scf.domain.DynamicPledge;
import cn.chanrong.scf.domain.Ltv;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warehouses, receipts, pledges, supervision events and release. A pledge files in the registry and
 * books the loan in the caller's one transaction, so a refusal anywhere leaves nothing behind.
 */
@Service
class WarehouseService implements WarehouseReceipts {

    static final Set<String> STATUSES = Set.of("ISSUED", "PLEDGED", "RELEASED", "CANCELLED");
    static final Set<String> EVENT_KINDS = Set.of("INBOUND", "OUTBOUND", "STOCKTAKE", "SENSOR_ALARM");
    static final Set<String> MODES = Set.of("STATIC", "DYNAMIC");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");
    static final BigDecimal MAX_RATE = new BigDecimal("36");
    /** A pledge needs a price no older than this. */
    static final int PRICE_MAX_AGE_DAYS = 10;
    static final int MAX_TERM_MONTHS = 12;
    static final int DEFAULT_CURE_DAYS = 5;

    private final JdbcClient jdbc;
    private final CollateralRegistry registry;
    private final TradeFinance tradeFinance;
    private final CommodityPrices prices;
    private final WarehouseRevaluation revaluation;
    private final WarehouseAlerts alerts;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    WarehouseService(JdbcClient jdbc, CollateralRegistry registry, TradeFinance tradeFinance, CommodityPrices prices,
                     WarehouseRevaluation revaluation, WarehouseAlerts alerts, ReferenceData reference,
                     BusinessDate businessDate, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.tradeFinance = tradeFinance;
        this.prices = prices;
        this.revaluation = revaluation;
        this.alerts = alerts;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    // ---- warehouses

    private static final String WAREHOUSE = """
            SELECT w.id, w.name, w.region_code, w.address, w.operator_id, e.name AS operator_name, w.supervised, w.created_by
              FROM scf_warehouse w LEFT JOIN enterprise e ON e.id = w.operator_id""";

    private static Warehouse warehouseRow(ResultSet rs, int i) throws SQLException {
        return new Warehouse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7), rs.getString(8));
    }

    @Override
    @Transactional
    public Warehouse register(Caller caller, WarehouseRequest request) {
        if (!caller.isAdmin() && !caller.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
        List<Rejection> r = new ArrayList<>();
        String name = WarehouseInputs.text(request.name(), "name", 2, 200, r);
        String address = WarehouseInputs.text(request.address(), "address", 2, 500, r);
        String region = request.regionCode() == null ? null : request.regionCode().strip();
        if (region == null || region.isEmpty()) {
            r.add(Rejection.of("required", "regionCode"));
        } else if (!region.matches("[0-9]{6}")) {
            r.add(Rejection.of("region-code.format", "regionCode", region));
        } else if (reference.region(region).isEmpty()) {
            r.add(Rejection.of("region-code.unknown", "regionCode", region));
        }
        if (request.operatorId() != null && !enterpriseExists(request.operatorId())) {
            r.add(Rejection.of("scf.warehouse.unknown-enterprise", "operatorId", request.operatorId()));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        boolean supervised = request.supervised() == null || request.supervised();
        long id = jdbc.sql("""
                        INSERT INTO scf_warehouse (name, region_code, address, operator_id, supervised, created_by)
                        VALUES (:n, :r, :a, :o, :s, :by) RETURNING id""")
                .param("n", name).param("r", region).param("a", address).param("o", request.operatorId())
                .param("s", supervised).param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "scf.warehouse.register", "warehouse", id,
                name + " " + region + (supervised ? " supervised" : "")));
        return warehouse(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Warehouse warehouse(Caller caller, long id) {
        return jdbc.sql(WAREHOUSE + " WHERE w.id = :id").param("id", id).query(WarehouseService::warehouseRow).optional()
                .orElseThrow(() -> Rejected.notFound("warehouse", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Warehouse> warehouses(Caller caller, PageRequest page) {
        List<Warehouse> items = jdbc.sql(WAREHOUSE + " ORDER BY w.id DESC LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset()).query(WarehouseService::warehouseRow).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_warehouse").query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private boolean enterpriseExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE id = :e").param("e", id).query(Long.class).single() > 0;
    }

    /** Administrators, and the users of the warehouse's operator enterprise, act for the warehouse. */
    private static boolean actsFor(Caller caller, Warehouse w) {
        return caller.isAdmin() || caller.is(Role.ENTERPRISE) && w.operatorId() != null
                && w.operatorId().equals(caller.enterpriseId());
    }

    // ---- receipts

    private static final String RECEIPT = """
            SELECT r.id, r.number, r.warehouse_id, w.name AS warehouse_name, r.owner_id, o.name AS owner_name,
                   r.commodity_code, r.commodity_name, r.quantity, r.unit, r.status, r.issued_on,
                   p.institution_id, i.name AS institution_name, p.mode, p.minimum_value, p.loan_id, p.loan_amount,
                   p.annual_rate, p.maturity, p.alert_line, p.liquidation_line, p.cure_days, p.filing_number,
                   p.initial_price, p.initial_value, p.ltv_state, p.pledged_on, p.release_requested_on, p.released_on,
                   p.released_by, p.release_note, p.released_unpaid
              FROM scf_warehouse_receipt r
              JOIN scf_warehouse w ON w.id = r.warehouse_id
              JOIN enterprise o ON o.id = r.owner_id
              LEFT JOIN scf_receipt_pledge p ON p.receipt_id = r.id
              LEFT JOIN institution i ON i.id = p.institution_id""";

    private static Receipt receiptRow(ResultSet rs, int i) throws SQLException {
        Pledge pledge = rs.getObject("institution_id") == null ? null : new Pledge(rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getString("mode"), rs.getBigDecimal("minimum_value"),
                rs.getLong("loan_id"), rs.getBigDecimal("loan_amount"), rs.getBigDecimal("annual_rate"),
                rs.getObject("maturity", LocalDate.class), rs.getBigDecimal("alert_line"),
                rs.getBigDecimal("liquidation_line"), rs.getInt("cure_days"), rs.getString("filing_number"),
                rs.getBigDecimal("initial_price"), rs.getBigDecimal("initial_value"), rs.getString("ltv_state"),
                rs.getObject("pledged_on", LocalDate.class), rs.getObject("release_requested_on", LocalDate.class),
                rs.getObject("released_on", LocalDate.class), rs.getString("released_by"),
                rs.getString("release_note"), rs.getObject("released_unpaid", Boolean.class));
        return new Receipt(rs.getLong("id"), rs.getString("number"), rs.getLong("warehouse_id"),
                rs.getString("warehouse_name"), rs.getLong("owner_id"), rs.getString("owner_name"),
                rs.getString("commodity_code"), rs.getString("commodity_name"), rs.getBigDecimal("quantity"),
                rs.getString("unit"), rs.getString("status"), rs.getObject("issued_on", LocalDate.class), pledge);
    }

    /** What the caller may see: owner, funder, the warehouse's operator; administrators and regulators all. */
    private static String visibleTo(Caller caller, Map<String, Object> p) {
        return switch (caller.role()) {
            case ADMIN -> "TRUE";
            case REGULATOR -> {
                p.put("v_region", caller.regionPrefix() == null ? "" : caller.regionPrefix());
                yield "(:v_region = '' OR w.region_code LIKE :v_region || '%')";
            }
            case ENTERPRISE -> {
                p.put("v_ent", caller.enterpriseId());
                yield "(r.owner_id = :v_ent OR w.operator_id = :v_ent)";
            }
            case INSTITUTION -> {
                p.put("v_inst", caller.institutionId());
                yield "p.institution_id = :v_inst";
            }
            default -> "FALSE";
        };
    }

    @Override
    @Transactional(readOnly = true)
    public Receipt get(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String where = visibleTo(caller, p);
        return jdbc.sql(RECEIPT + " WHERE r.id = :id AND " + where).params(p).param("id", id)
                .query(WarehouseService::receiptRow).optional()
                .orElseThrow(() -> Rejected.notFound("warehouse receipt", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Receipt> search(Caller caller, String status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(visibleTo(caller, p));
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status.strip())) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, new TreeSet<>(STATUSES).toString()));
            }
            where.append(" AND r.status = :status");
            p.put("status", status.strip());
        }
        List<Receipt> items = jdbc.sql(RECEIPT + " WHERE " + where + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(WarehouseService::receiptRow).list();
        long total = jdbc.sql("""
                        SELECT count(*) FROM scf_warehouse_receipt r JOIN scf_warehouse w ON w.id = r.warehouse_id
                          LEFT JOIN scf_receipt_pledge p ON p.receipt_id = r.id""" + " WHERE " + where)
                .params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public Detail detail(Caller caller, long id) {
        Receipt r = get(caller, id);
        List<Event> events = jdbc.sql("""
                        SELECT id, kind, quantity, quantity_after, occurred_on, sensor, note, decision, alert, recorded_by
                          FROM scf_receipt_event WHERE receipt_id = :r ORDER BY id""")
                .param("r", id).query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
        List<Valuation> valuations = jdbc.sql("""
                        SELECT valued_on, priced_on, price, quantity, value, exposure, ltv, state
                          FROM scf_receipt_valuation WHERE receipt_id = :r ORDER BY valued_on""")
                .param("r", id).query((rs, i) -> new Valuation(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)))
                .list();
        List<MarginCall> calls = jdbc.sql("""
                        SELECT id, raised_on, cure_by, ltv, status, closed_on FROM scf_margin_call
                         WHERE receipt_id = :r ORDER BY id""")
                .param("r", id).query((rs, i) -> new MarginCall(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
        return new Detail(r, events, valuations, calls);
    }

    /** The receipt locked for a change, whoever asks (the caller's rights are checked by each act). */
    private Receipt lock(long id) {
        jdbc.sql("SELECT id FROM scf_warehouse_receipt WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> Rejected.notFound("warehouse receipt", id));
        return jdbc.sql(RECEIPT + " WHERE r.id = :id").param("id", id).query(WarehouseService::receiptRow).single();
    }

    @Override
    @Transactional
    public Receipt issue(Caller caller, IssueRequest request) {
        List<Rejection> r = new ArrayList<>();
        Warehouse w = null;
        if (request.warehouseId() == null) {
            r.add(Rejection.of("required", "warehouseId"));
        } else {
            w = jdbc.sql(WAREHOUSE + " WHERE w.id = :id").param("id", request.warehouseId())
                    .query(WarehouseService::warehouseRow).optional().orElse(null);
            if (w == null) {
                r.add(Rejection.of("scf.warehouse.unknown", "warehouseId", request.warehouseId()));
            }
        }
        if (w != null && !actsFor(caller, w)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-operator", "warehouseId",
                    w.name()));
        }
        if (request.ownerId() == null) {
            r.add(Rejection.of("required", "ownerId"));
        } else if (!enterpriseExists(request.ownerId())) {
            r.add(Rejection.of("scf.warehouse.unknown-enterprise", "ownerId", request.ownerId()));
        }
        String code = WarehouseInputs.commodity(request.commodityCode(), "commodityCode", r);
        String name = WarehouseInputs.text(request.commodityName(), "commodityName", 1, 200, r);
        BigDecimal quantity = WarehouseInputs.quantity(request.quantity(), "quantity", false, r);
        String unit = WarehouseInputs.text(request.unit(), "unit", 1, 20, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        LocalDate today = businessDate.today();
        long seq = jdbc.sql("SELECT nextval('scf_receipt_number')").query(Long.class).single();
        String number = String.format("WR%s%06d", today.toString().replace("-", ""), seq);
        long id = jdbc.sql("""
                        INSERT INTO scf_warehouse_receipt (number, warehouse_id, owner_id, commodity_code, commodity_name,
                            quantity, unit, status, issued_on, issued_by)
                        VALUES (:n, :w, :o, :c, :cn, :q, :u, 'ISSUED', :d, :by) RETURNING id""")
                .param("n", number).param("w", request.warehouseId()).param("o", request.ownerId()).param("c", code)
                .param("cn", name).param("q", quantity).param("u", unit).param("d", today).param("by", caller.username())
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.issue", "warehouse-receipt", number,
                code + " " + quantity.toPlainString() + " " + unit + " to enterprise " + request.ownerId()));
        return lock(id);
    }

    @Override
    @Transactional
    public Receipt cancel(Caller caller, long id, String reason) {
        Receipt receipt = lock(id);
        if (!actsFor(caller, warehouse(caller, receipt.warehouseId()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-operator", "warehouseId",
                    receipt.warehouseName()));
        }
        List<Rejection> r = new ArrayList<>();
        String why = WarehouseInputs.text(reason, "reason", 1, 500, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        if (!"ISSUED".equals(receipt.status())) {
            throw Rejected.conflict(Rejection.of("scf.warehouse.status", "status", receipt.number(), receipt.status(),
                    "ISSUED"));
        }
        jdbc.sql("UPDATE scf_warehouse_receipt SET status = 'CANCELLED', version = version + 1 WHERE id = :id")
                .param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.cancel", "warehouse-receipt", receipt.number(),
                why));
        return lock(id);
    }

    // ---- pledge

    private record Parsed(long funderId, String mode, BigDecimal minimumValue, BigDecimal loanAmount,
                          LocalDate maturity, BigDecimal annualRate, BigDecimal alertLine, BigDecimal liquidationLine,
                          int cureDays) {
    }

    private Parsed parse(PledgeRequest q, LocalDate today) {
        List<Rejection> r = new ArrayList<>();
        if (q.funderId() == null) {
            r.add(Rejection.of("required", "funderId"));
        } else if (jdbc.sql("SELECT count(*) FROM institution WHERE id = :i").param("i", q.funderId())
                .query(Long.class).single() == 0) {
            r.add(Rejection.of("scf.warehouse.unknown-funder", "funderId", q.funderId()));
        }
        String mode = q.pledgeMode() == null || q.pledgeMode().isBlank() ? null
                : q.pledgeMode().strip().toUpperCase(Locale.ROOT);
        if (mode == null) {
            r.add(Rejection.of("required", "pledgeMode"));
        } else if (!MODES.contains(mode)) {
            r.add(Rejection.of("enum", "pledgeMode", q.pledgeMode(), "[DYNAMIC, STATIC]"));
        }
        BigDecimal minimum = null;
        if ("DYNAMIC".equals(mode)) {
            minimum = Amounts.parse(q.minimumValue(), "minimumValue", false, MAX_AMOUNT, r);
            if (minimum != null && minimum.signum() == 0) {
                r.add(Rejection.of("scf.positive", "minimumValue", q.minimumValue()));
            }
        } else if (q.minimumValue() != null && !q.minimumValue().isBlank()) {
            r.add(Rejection.of("scf.pledge.minimum-static", "minimumValue"));
        }
        BigDecimal amount = Amounts.parse(q.loanAmount(), "loanAmount", false, MAX_AMOUNT, r);
        if (amount != null && amount.signum() == 0) {
            r.add(Rejection.of("scf.positive", "loanAmount", q.loanAmount()));
        }
        if (q.maturity() == null) {
            r.add(Rejection.of("required", "maturity"));
        } else if (!q.maturity().isAfter(today)) {
            r.add(Rejection.of("date.too-early", "maturity", q.maturity(), today.plusDays(1)));
        } else if (q.maturity().isAfter(today.plusMonths(MAX_TERM_MONTHS))) {
            r.add(Rejection.of("scf.pledge.term", "maturity", q.maturity(), MAX_TERM_MONTHS));
        }
        BigDecimal rate = WarehouseInputs.decimal(q.annualRate(), "annualRate", 4, BigDecimal.ZERO, false,
                MAX_RATE.subtract(new BigDecimal("0.0001")), r);
        BigDecimal alert = WarehouseInputs.decimal(q.alertLine(), "alertLine", 4, BigDecimal.ZERO, false,
                BigDecimal.ONE, r);
        BigDecimal liquidation = WarehouseInputs.decimal(q.liquidationLine(), "liquidationLine", 4, BigDecimal.ZERO,
                false, BigDecimal.ONE, r);
        if (alert != null && liquidation != null && alert.compareTo(liquidation) >= 0) {
            r.add(Rejection.of("scf.pledge.lines", "alertLine", alert.toPlainString(), liquidation.toPlainString()));
        }
        int cure = q.cureDays() == null ? DEFAULT_CURE_DAYS : q.cureDays();
        if (cure < 1 || cure > 90) {
            r.add(Rejection.of("range", "cureDays", 1, 90, cure));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        return new Parsed(q.funderId(), mode, minimum, amount, q.maturity(), rate, alert, liquidation, cure);
    }

    @Override
    @Transactional
    public Receipt pledge(Caller caller, long id, PledgeRequest request) {
        Receipt receipt = lock(id);
        if (!caller.is(Role.ENTERPRISE) || !Long.valueOf(receipt.ownerId()).equals(caller.enterpriseId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-owner", "receiptId",
                    receipt.number()));
        }
        LocalDate today = businessDate.today();
        Parsed q = parse(request, today);
        if ("PLEDGED".equals(receipt.status())) {
            throw Rejected.conflict(Rejection.of("scf.warehouse.already-pledged", "receiptId", receipt.number(),
                    receipt.pledge().filingNumber(), receipt.pledge().institutionName()));
        }
        if (!"ISSUED".equals(receipt.status())) {
            throw Rejected.conflict(Rejection.of("scf.warehouse.status", "status", receipt.number(), receipt.status(),
                    "ISSUED"));
        }
        Warehouse w = warehouse(caller, receipt.warehouseId());
        if (!w.supervised()) {
            throw Rejected.invalid(Rejection.of("scf.warehouse.unsupervised", "warehouseId", w.name()));
        }
        if (receipt.quantity().signum() == 0) {
            throw Rejected.invalid(Rejection.of("scf.positive", "quantity", receipt.quantity().toPlainString()));
        }
        var price = prices.latest(receipt.commodityCode(), receipt.unit(), today)
                .filter(x -> !x.date().isBefore(today.minusDays(PRICE_MAX_AGE_DAYS)))
                .orElseThrow(() -> Rejected.invalid(Rejection.of("scf.pledge.no-price", "commodityCode",
                        receipt.commodityCode(), receipt.unit(), PRICE_MAX_AGE_DAYS)));
        BigDecimal value = WarehouseRevaluation.value(receipt.quantity(), price.price());
        Ltv ltv = Ltv.of(q.loanAmount(), value);
        if (Ltv.state(ltv, q.alertLine(), q.liquidationLine()) != Ltv.State.NORMAL) {
            BigDecimal most = value.multiply(q.alertLine()).setScale(2, RoundingMode.CEILING)
                    .subtract(new BigDecimal("0.01")).max(BigDecimal.ZERO);
            throw Rejected.invalid(Rejection.of("scf.pledge.ltv", "loanAmount",
                    ltv.ratio().map(BigDecimal::toPlainString).orElse("∞"), q.alertLine().toPlainString(),
                    value.toPlainString(), most.toPlainString()));
        }
        if (q.minimumValue() != null && q.minimumValue().compareTo(value) > 0) {
            throw Rejected.invalid(Rejection.of("scf.pledge.minimum-above-value", "minimumValue",
                    q.minimumValue().toPlainString(), value.toPlainString()));
        }
        var owner = jdbc.sql("SELECT credit_code, name FROM enterprise WHERE id = :e").param("e", receipt.ownerId())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        int termMonths = (int) Math.max(1, ChronoUnit.MONTHS.between(today, q.maturity().minusDays(1)) + 1);
        String description = "仓单质押 / warehouse receipt pledge " + receipt.number() + ": " + receipt.commodityName()
                + " (" + receipt.commodityCode() + ") " + receipt.quantity().stripTrailingZeros().toPlainString() + " "
                + receipt.unit() + " at " + receipt.warehouseName() + ", " + q.mode().toLowerCase(Locale.ROOT);
        String filing;
        try {
            filing = registry.file(q.funderId(), new CollateralRegistry.Request(owner[0], "WAREHOUSE_RECEIPT",
                    description, List.of(receipt.number()), null, termMonths), caller.username()).number();
        } catch (CollateralRegistry.AlreadyFiled e) {
            throw Rejected.conflict(Rejection.of("scf.pledge.already-filed", "receiptId", receipt.number(),
                    e.conflicts().getFirst().number()));
        }
        long days = ChronoUnit.DAYS.between(today, q.maturity());
        BigDecimal interest = q.loanAmount().multiply(q.annualRate()).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(36000), 2, RoundingMode.HALF_UP);
        Loan loan = tradeFinance.book(new TradeFinance.Booking(q.funderId(), receipt.ownerId(), receipt.ownerId(), null,
                q.loanAmount(), interest, q.annualRate(), today, q.maturity(), "warehouse receipt pledge",
                WarehouseRevaluation.reference(receipt.number()), owner[1], caller.username()));
        jdbc.sql("""
                        INSERT INTO scf_receipt_pledge (receipt_id, institution_id, mode, minimum_value, loan_id, loan_amount,
                            annual_rate, maturity, alert_line, liquidation_line, cure_days, filing_number, initial_price,
                            initial_value, ltv_state, pledged_on, pledged_by)
                        VALUES (:r, :i, :m, :min, :l, :a, :rate, :mat, :al, :ll, :cure, :f, :p, :v, 'NORMAL', :d, :by)""")
                .param("r", id).param("i", q.funderId()).param("m", q.mode()).param("min", q.minimumValue())
                .param("l", loan.id()).param("a", q.loanAmount()).param("rate", q.annualRate())
                .param("mat", q.maturity()).param("al", q.alertLine()).param("ll", q.liquidationLine())
                .param("cure", q.cureDays()).param("f", filing).param("p", price.price()).param("v", value)
                .param("d", today).param("by", caller.username()).update();
        jdbc.sql("""
                        INSERT INTO scf_receipt_valuation (receipt_id, valued_on, priced_on, price, quantity, value, exposure,
                            ltv, state)
                        VALUES (:r, :d, :pd, :p, :q, :v, :x, :ltv, 'NORMAL')""")
                .param("r", id).param("d", today).param("pd", price.date()).param("p", price.price())
                .param("q", receipt.quantity()).param("v", value).param("x", q.loanAmount())
                .param("ltv", ltv.ratio().orElse(null)).update();
        jdbc.sql("UPDATE scf_warehouse_receipt SET status = 'PLEDGED', version = version + 1 WHERE id = :id")
                .param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.pledge", "warehouse-receipt", receipt.number(),
                q.mode() + " to institution " + q.funderId() + ", loan " + loan.number() + " "
                        + q.loanAmount().toPlainString() + ", filing " + filing));
        return lock(id);
    }

    // ---- release

    @Override
    @Transactional
    public Receipt requestRelease(Caller caller, long id, String note) {
        Receipt receipt = lock(id);
        if (!caller.is(Role.ENTERPRISE) || !Long.valueOf(receipt.ownerId()).equals(caller.enterpriseId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-owner", "receiptId",
                    receipt.number()));
        }
        List<Rejection> r = new ArrayList<>();
        String text = WarehouseInputs.text(note, "note", 0, 500, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        if (!"PLEDGED".equals(receipt.status())) {
            throw Rejected.conflict(Rejection.of("scf.warehouse.status", "status", receipt.number(), receipt.status(),
                    "PLEDGED"));
        }
        if (receipt.pledge().releaseRequestedOn() == null) {
            jdbc.sql("""
                            UPDATE scf_receipt_pledge SET release_requested_on = :d, release_requested_by = :by,
                                   release_note = :n WHERE receipt_id = :r""")
                    .param("d", businessDate.today()).param("by", caller.username()).param("n", text).param("r", id)
                    .update();
            audit.record(AuditEvent.success(caller.username(), "scf.receipt.release-request", "warehouse-receipt",
                    receipt.number(), text));
        }
        return lock(id);
    }

    @Override
    @Transactional
    public Receipt release(Caller caller, long id, boolean anyway, String note) {
        Receipt receipt = lock(id);
        Pledge pledge = receipt.pledge();
        if (pledge == null || !caller.is(Role.INSTITUTION)
                || !Long.valueOf(pledge.institutionId()).equals(caller.institutionId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-funder", "receiptId",
                    receipt.number()));
        }
        if (!caller.hasAuthority("operator") && !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-funder", "receiptId",
                    receipt.number()));
        }
        List<Rejection> r = new ArrayList<>();
        String text = WarehouseInputs.text(note, "note", 0, 500, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        if (!"PLEDGED".equals(receipt.status())) {
            throw Rejected.conflict(Rejection.of("scf.warehouse.status", "status", receipt.number(), receipt.status(),
                    "PLEDGED"));
        }
        if (pledge.releaseRequestedOn() == null) {
            throw Rejected.conflict(Rejection.of("scf.release.not-requested", "receiptId", receipt.number()));
        }
        BigDecimal outstanding = tradeFinance.byReference(WarehouseRevaluation.reference(receipt.number()))
                .map(Loan::principalOutstanding).orElse(BigDecimal.ZERO);
        boolean repaid = outstanding.signum() == 0;
        if (!repaid && !anyway) {
            throw Rejected.conflict(Rejection.of("scf.release.outstanding", "anyway", receipt.number(),
                    outstanding.toPlainString()));
        }
        LocalDate today = businessDate.today();
        jdbc.sql("""
                        UPDATE scf_receipt_pledge SET released_on = :d, released_by = :by, released_unpaid = :u,
                               release_note = coalesce(:n, release_note) WHERE receipt_id = :r""")
                .param("d", today).param("by", caller.username()).param("u", !repaid).param("n", text).param("r", id)
                .update();
        jdbc.sql("UPDATE scf_warehouse_receipt SET status = 'RELEASED', version = version + 1 WHERE id = :id")
                .param("id", id).update();
        jdbc.sql("UPDATE scf_margin_call SET status = :s, closed_on = :d WHERE receipt_id = :r AND status = 'OPEN'")
                .param("s", repaid ? "CURED" : "LAPSED").param("d", today).param("r", id).update();
        if (repaid) {
            registry.cancel(pledge.institutionId(), pledge.filingNumber(), "仓单解除质押，债务已清偿 / receipt "
                    + receipt.number() + " released, debt repaid", caller.username());
        }
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.release", "warehouse-receipt", receipt.number(),
                (repaid ? "repaid, filing " + pledge.filingNumber() + " cancelled" : "released unpaid, outstanding "
                        + outstanding.toPlainString()) + (text == null ? "" : "; " + text)));
        return lock(id);
    }

    // ---- supervision events

    @Override
    @Transactional
    public Event record(Caller caller, long receiptId, EventRequest request) {
        Receipt receipt = lock(receiptId);
        if (!actsFor(caller, warehouse(caller, receipt.warehouseId()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-operator", "warehouseId",
                    receipt.warehouseName()));
        }
        List<Rejection> r = new ArrayList<>();
        String kind = request.kind() == null || request.kind().isBlank() ? null
                : request.kind().strip().toUpperCase(Locale.ROOT);
        if (kind == null) {
            r.add(Rejection.of("required", "kind"));
        } else if (!EVENT_KINDS.contains(kind)) {
            r.add(Rejection.of("enum", "kind", request.kind(), new TreeSet<>(EVENT_KINDS).toString()));
        }
        BigDecimal quantity = null;
        if (kind != null && !"SENSOR_ALARM".equals(kind)) {
            quantity = WarehouseInputs.quantity(request.quantity(), "quantity", "STOCKTAKE".equals(kind), r);
        }
        String sensor = WarehouseInputs.text(request.sensor(), "sensor", 0, 200, r);
        String note = WarehouseInputs.text(request.note(), "note", 0, 500, r);
        if ("OUTBOUND".equals(kind) && quantity != null && quantity.compareTo(receipt.quantity()) > 0) {
            r.add(Rejection.of("scf.event.outbound-exceeds", "quantity", quantity.toPlainString(),
                    receipt.quantity().toPlainString(), receipt.unit()));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        if ("CANCELLED".equals(receipt.status())) {
            throw Rejected.conflict(Rejection.of("scf.warehouse.status", "status", receipt.number(), receipt.status(),
                    "ISSUED, PLEDGED, RELEASED"));
        }
        LocalDate today = businessDate.today();
        BigDecimal before = receipt.quantity();
        BigDecimal after = switch (kind) {
            case "INBOUND" -> before.add(quantity);
            case "OUTBOUND" -> before.subtract(quantity);
            case "STOCKTAKE" -> quantity;
            default -> before;
        };
        BigDecimal leaving = before.subtract(after).max(BigDecimal.ZERO);
        String subject = "receipt:" + receipt.number();
        Pledge pledge = "PLEDGED".equals(receipt.status()) ? receipt.pledge() : null;
        String decision = null;
        String alert = null;
        if (pledge != null && leaving.signum() > 0) {
            decision = decideOutbound(receipt, pledge, before, leaving, today);
            if (decision.equals("UNRELEASED") || decision.equals("BELOW_MINIMUM") || decision.equals("UNPRICED")) {
                alert = "GOODS_LEFT";
                BigDecimal leftValue = prices.latest(receipt.commodityCode(), receipt.unit(), today)
                        .map(p -> WarehouseRevaluation.value(leaving, p.price())).orElse(null);
                alerts.raise(alert, pledge.institutionId(), receipt.ownerId(), subject, kind + " of "
                        + leaving.stripTrailingZeros().toPlainString() + " " + receipt.unit() + " from "
                        + receipt.warehouseName() + " without release (" + pledge.mode() + " pledge, " + decision
                        + "); " + after.stripTrailingZeros().toPlainString() + " " + receipt.unit() + " left", leftValue,
                        today);
            }
        }
        if ("SENSOR_ALARM".equals(kind)) {
            alert = "SENSOR";
            alerts.raise(alert, pledge == null ? null : pledge.institutionId(), receipt.ownerId(), subject,
                    "Sensor alarm at " + receipt.warehouseName() + (sensor == null ? "" : " (" + sensor + ")")
                            + (note == null ? "" : ": " + note), null, today);
        }
        if (after.compareTo(before) != 0) {
            jdbc.sql("UPDATE scf_warehouse_receipt SET quantity = :q, version = version + 1 WHERE id = :id")
                    .param("q", after).param("id", receiptId).update();
        }
        long eventId = jdbc.sql("""
                        INSERT INTO scf_receipt_event (receipt_id, kind, quantity, quantity_after, occurred_on, sensor, note,
                            decision, alert, recorded_by)
                        VALUES (:r, :k, :q, :qa, :d, :s, :n, :dec, :a, :by) RETURNING id""")
                .param("r", receiptId).param("k", kind).param("q", quantity).param("qa", after).param("d", today)
                .param("s", sensor).param("n", note).param("dec", decision).param("a", alert)
                .param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.event", "warehouse-receipt", receipt.number(),
                kind + (quantity == null ? "" : " " + quantity.toPlainString()) + " → " + after.toPlainString()
                        + (alert == null ? "" : " alert " + alert)));
        return new Event(eventId, kind, quantity, after, today, sensor, note, decision, alert, caller.username());
    }

    /**
     * Goods leaving a pledged receipt without the funder's release: any quantity for a static pledge;
     * for a dynamic pledge only what keeps the stock at or above the minimum value.
     */
    private String decideOutbound(Receipt receipt, Pledge pledge, BigDecimal stock, BigDecimal leaving, LocalDate today) {
        if ("STATIC".equals(pledge.mode())) {
            return "UNRELEASED";
        }
        Optional<Price> price = prices.latest(receipt.commodityCode(), receipt.unit(), today);
        if (price.isEmpty()) {
            return "UNPRICED";
        }
        BigDecimal p = price.get().price();
        DynamicPledge rule = new DynamicPledge(pledge.minimumValue(), pledge.minimumValue());
        return switch (rule.outbound(stock.multiply(p), leaving.multiply(p))) {
            case DynamicPledge.Allowed a -> "ALLOWED";
            case DynamicPledge.Alert a -> "NEAR_MINIMUM";
            case DynamicPledge.Refused x -> "BELOW_MINIMUM";
        };
    }

    // ---- prices, revaluation, alerts

    private static void pricer(Caller caller) {
        boolean ok = caller.isAdmin() || caller.is(Role.REGULATOR)
                || caller.is(Role.INSTITUTION) && caller.hasAuthority("operator");
        if (!ok) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.price.not-allowed", null));
        }
    }

    @Override
    @Transactional
    public Price enterPrice(Caller caller, PriceRequest request) {
        pricer(caller);
        List<Rejection> r = new ArrayList<>();
        LocalDate today = businessDate.today();
        CommodityPrices.Checked c = CommodityPrices.check(request.commodityCode(), request.date(), request.pricePerUnit(),
                request.unit(), today, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        Price p = prices.store(c, "ENTERED", caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.price.enter", "commodity-price", c.code(),
                c.date() + " " + c.price().toPlainString() + "/" + c.unit()));
        revaluation.revalue(c.date(), caller.username());
        return p;
    }

    @Override
    @Transactional
    public List<Price> importPrices(Caller caller, byte[] csv, String encoding) {
        pricer(caller);
        List<CommodityPrices.Checked> rows = CommodityPrices.parse(csv, encoding, businessDate.today());
        List<Price> stored = rows.stream().map(c -> prices.store(c, "CSV", caller.username())).toList();
        audit.record(AuditEvent.success(caller.username(), "scf.price.import", "commodity-price", null,
                rows.size() + " prices"));
        rows.stream().map(CommodityPrices.Checked::date).distinct().sorted()
                .forEach(d -> revaluation.revalue(d, caller.username()));
        return stored;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Price> prices(Caller caller, String commodityCode, PageRequest page) {
        return prices.list(commodityCode, page);
    }

    @Override
    @Transactional
    public Revaluation revalue(LocalDate date) {
        return revaluation.revalue(date, "revaluation");
    }

    @Override
    @Transactional
    public Revaluation revalue(Caller caller, LocalDate date) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
        LocalDate today = businessDate.today();
        LocalDate d = date == null ? today : date;
        if (d.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "date", d, today));
        }
        Revaluation result = revaluation.revalue(d, caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.revalue", "warehouse-receipt", null,
                d + ": " + result.valued() + " valued, " + result.alerts() + " alerts, " + result.marginCalls()
                        + " margin calls"));
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Alert> alerts(Caller caller, String kind, PageRequest page) {
        return alerts.list(caller, kind, page);
    }
}
