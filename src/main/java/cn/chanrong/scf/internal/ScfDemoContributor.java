package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.Users;
import cn.chanrong.lending.Facilities;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.DemoClock;
import cn.chanrong.scf.Denucleated;
import cn.chanrong.scf.Receivables;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.scf.WarehouseReceipts;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's supply chain around the core enterprise (Minjiang Heavy Equipment) and its supplier, the
 * demo SME: invoices and receivables — one waiting for confirmation, one financed by the bank and then
 * refused to the second bank with the filing cited, diluted by a red-letter invoice; a payable left
 * unpaid past 60 days; a voucher replayed from issue to settlement at maturity after travelling three
 * tiers down and being partly discounted at tier 3, and a live one doing the same; a supervised
 * warehouse with copper pledged to the bank, goods leaving without release and a price fall; aluminium
 * put up for a de-nucleated order financing. Every step goes through the services a user calls.
 */
@Component
class ScfDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(ScfDemoContributor.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final Facilities facilities;
    private final Receivables receivables;
    private final Vouchers vouchers;
    private final WarehouseReceipts warehouses;
    private final Denucleated denucleated;
    private final BusinessDate businessDate;
    private final DemoClock clock;

    ScfDemoContributor(JdbcClient jdbc, Users users, Facilities facilities, Receivables receivables, Vouchers vouchers,
                       WarehouseReceipts warehouses, Denucleated denucleated, BusinessDate businessDate, DemoClock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.facilities = facilities;
        this.receivables = receivables;
        this.vouchers = vouchers;
        this.warehouses = warehouses;
        this.denucleated = denucleated;
        this.businessDate = businessDate;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    private Caller caller(String username) {
        return users.caller(username).orElseThrow(() -> new IllegalStateException("demo user " + username + " missing"));
    }

    private static Caller enterprise(long id) {
        return new Caller("demo-" + id, Role.ENTERPRISE, id, null, null, null, Set.of());
    }

    private <T> T on(LocalDate day, Supplier<T> work) {
        return clock.during(day, work);
    }

    @Override
    public void contribute(Path economy) {
        if (jdbc.sql("SELECT count(*) FROM scf_voucher").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = businessDate.today();
        Caller sme = caller("enterprise");
        Caller core = caller("core");
        List<Long> tiers = jdbc.sql("""
                        SELECT id FROM enterprise_party_view WHERE industry_code LIKE 'C%' AND id NOT IN (:a, :b)
                        ORDER BY (region_code LIKE '35%') DESC, id LIMIT 2""")
                .param("a", sme.enterpriseId()).param("b", core.enterpriseId()).query(Long.class).list();
        if (tiers.size() < 2) {
            log.warn("Too few manufacturers in the demo registry: no supply-chain demo");
            return;
        }
        // the banks' lines: on the core enterprise (its payables and vouchers), on the SME (its goods)
        on(today.minusDays(200), () -> {
            facilities.open(caller("bank-approver"), new Facilities.Request(core.enterpriseId(), new java.math.BigDecimal("60000000"), true,
                    today.minusDays(200), today.plusYears(2)));
            facilities.open(caller("bank2-approver"), new Facilities.Request(core.enterpriseId(), new java.math.BigDecimal("20000000"), true,
                    today.minusDays(200), today.plusYears(2)));
            return facilities.open(caller("bank-approver"), new Facilities.Request(sme.enterpriseId(), new java.math.BigDecimal("15000000"), true,
                    today.minusDays(200), today.plusYears(2)));
        });
        receivables(sme, core, today);
        settledVoucher(core, sme, tiers, today);
        liveVoucher(core, sme, tiers, today);
        warehouse(sme, today);
        log.info("Demo supply chain loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private String invoiceCsv(String smeCode, String coreCode, LocalDate on, int count, String redOf) {
        StringBuilder csv = new StringBuilder("number,issued_on,seller_code,seller_name,buyer_code,buyer_name,"
                + "amount_ex_tax,tax,total,red,original_number\n");
        for (int i = 1; i <= count; i++) {
            String number = String.format("%02d%02d%016d", on.getYear() % 100, 35, on.toEpochDay() * 100 + i
                    + (redOf == null ? 0 : 50));
            if (redOf == null) {
                long base = 1_000_000L * (i + 1);
                csv.append(number).append(',').append(on).append(',').append(smeCode).append(",福州精密数控,")
                        .append(coreCode).append(",闽江重工,").append(base).append(".00,").append(base * 13 / 100)
                        .append(".00,").append(base * 113 / 100).append(".00,false,\n");
            } else {
                csv.append(number).append(',').append(on).append(',').append(smeCode).append(",福州精密数控,")
                        .append(coreCode).append(",闽江重工,-200000.00,-26000.00,-226000.00,true,").append(redOf).append('\n');
            }
        }
        return csv.toString();
    }

    private void receivables(Caller sme, Caller core, LocalDate today) {
        String smeCode = code(sme.enterpriseId());
        String coreCode = code(core.enterpriseId());
        var imported = receivables.importInvoices(sme, "csv",
                invoiceCsv(smeCode, coreCode, today.minusDays(20), 3, null).getBytes(StandardCharsets.UTF_8));
        List<String> numbers = imported.numbers();
        // one waiting for the core enterprise's confirmation
        receivables.upload(sme, new Receivables.Upload(core.enterpriseId(), null, numbers.get(0), "MJ-PO-2026-0418",
                new BigDecimal("2260000.00"), today.minusDays(20), today.plusDays(70), 90));
        // one confirmed, offered by both banks, financed by the first
        var financed = receivables.upload(sme, new Receivables.Upload(core.enterpriseId(), null, numbers.get(1),
                "MJ-PO-2026-0422", new BigDecimal("3390000.00"), today.minusDays(20), today.plusDays(100), 120));
        receivables.decide(core, financed.id(), new Receivables.Decision("CONFIRMED", null));
        Caller bank = caller("bank");
        Caller bank2 = caller("bank2");
        long bankId = bank.institutionId();
        long bank2Id = bank2.institutionId();
        var offers = receivables.requestFinancing(sme, financed.id(), List.of(bankId, bank2Id));
        Receivables.Terms terms = new Receivables.Terms(new BigDecimal("0.8"), new BigDecimal("3.45"),
                BigDecimal.ZERO, false, "FACTORING", "DEBTOR");
        long first = offers.stream().filter(o -> o.institutionId() == bankId).findFirst().orElseThrow().id();
        long second = offers.stream().filter(o -> o.institutionId() == bank2Id).findFirst().orElseThrow().id();
        receivables.offer(bank, first, terms);
        receivables.offer(bank2, second, new Receivables.Terms(new BigDecimal("0.85"),
                new BigDecimal("3.6"), new BigDecimal("1000"), true, "FACTORING", "DEBTOR"));
        var accepted = receivables.accept(sme, first);
        try {
            receivables.accept(sme, second);
        } catch (Rejected refused) {
            log.info("Demo: receivable {} refused to the second bank, filed as {}", financed.number(),
                    accepted.filingNumber());
        }
        // a red-letter invoice after financing: the bank is alerted
        receivables.importInvoices(sme, "csv",
                invoiceCsv(smeCode, coreCode, today, 1, numbers.get(1)).getBytes(StandardCharsets.UTF_8));
        // a payable the core enterprise uploaded and has not paid 100 days after delivery
        receivables.upload(core, new Receivables.Upload(null, sme.enterpriseId(), numbers.get(2), "MJ-PO-2026-0305",
                new BigDecimal("4520000.00"), today.minusDays(100), today.minusDays(40), null));
    }

    private String code(long enterpriseId) {
        return jdbc.sql("SELECT credit_code FROM enterprise_party_view WHERE id = :id").param("id", enterpriseId)
                .query(String.class).single();
    }

    /** Issued 120 days ago, three tiers down, 100,000 discounted at tier 3, settled on its maturity yesterday. */
    private void settledVoucher(Caller core, Caller sme, List<Long> tiers, LocalDate today) {
        LocalDate maturity = today.minusDays(1);
        Caller tier2 = enterprise(tiers.get(0));
        Caller tier3 = enterprise(tiers.get(1));
        var v = on(today.minusDays(120), () -> vouchers.issue(core, new Vouchers.IssueRequest(sme.enterpriseId(),
                new BigDecimal("1000000.00"), maturity.toString(), false, List.of(), "采购合同 MJ-PO-2026-0112")));
        long root = vouchers.get(core, v.id()).parts().get(0).id();
        var t2 = on(today.minusDays(100), () -> vouchers.transfer(sme, root,
                new Vouchers.TransferRequest(tier2.enterpriseId(), new BigDecimal("600000.00"), "采购合同 FZJM-2026-031")));
        var t3 = on(today.minusDays(80), () -> vouchers.transfer(tier2, t2.transferred().id(),
                new Vouchers.TransferRequest(tier3.enterpriseId(), new BigDecimal("250000.00"), "发票 26350000000000080011")));
        var pieces = on(today.minusDays(60), () -> vouchers.split(tier3, t3.transferred().id(),
                new Vouchers.SplitRequest(List.of(new BigDecimal("100000.00"), new BigDecimal("150000.00")))));
        on(today.minusDays(60), () -> vouchers.discount(tier3, pieces.get(0).id(),
                new Vouchers.DiscountRequest(caller("bank").institutionId(), "3.20", "采购合同 T3-2026-007")));
        on(maturity, () -> vouchers.settle(core, v.id(), new Vouchers.SettleRequest(new BigDecimal("1000000.00"))));
    }

    /** Issued 30 days ago for 150 days, on its way down the chain, 120,000 discounted at tier 3 today. */
    private void liveVoucher(Caller core, Caller sme, List<Long> tiers, LocalDate today) {
        Caller tier2 = enterprise(tiers.get(0));
        Caller tier3 = enterprise(tiers.get(1));
        var v = on(today.minusDays(30), () -> vouchers.issue(core, new Vouchers.IssueRequest(sme.enterpriseId(),
                new BigDecimal("2000000.00"), today.plusDays(150).toString(), false, List.of(), "采购合同 MJ-PO-2026-0520")));
        long root = vouchers.get(core, v.id()).parts().get(0).id();
        var t2 = on(today.minusDays(20), () -> vouchers.transfer(sme, root,
                new Vouchers.TransferRequest(tier2.enterpriseId(), new BigDecimal("800000.00"), "采购合同 FZJM-2026-058")));
        var t3 = on(today.minusDays(10), () -> vouchers.transfer(tier2, t2.transferred().id(),
                new Vouchers.TransferRequest(tier3.enterpriseId(), new BigDecimal("300000.00"), "发票 26350000000000090021")));
        var pieces = vouchers.split(tier3, t3.transferred().id(), new Vouchers.SplitRequest(List.of(
                new BigDecimal("120000.00"), new BigDecimal("180000.00"))));
        vouchers.discount(tier3, pieces.get(0).id(), new Vouchers.DiscountRequest(caller("bank2").institutionId(),
                "3.35", "采购合同 T3-2026-011"));
    }

    private void warehouse(Caller sme, LocalDate today) {
        Caller admin = Caller.system("demo");
        var w = warehouses.register(admin, new WarehouseReceipts.WarehouseRequest("马尾保税物流监管仓", "350105",
                "福州市马尾区江滨东大道 88 号", null, true));
        var copper = warehouses.issue(admin, new WarehouseReceipts.IssueRequest(w.id(), sme.enterpriseId(), "CU",
                "电解铜 1#", "200", "t"));
        var aluminium = warehouses.issue(admin, new WarehouseReceipts.IssueRequest(w.id(), sme.enterpriseId(), "AL",
                "铝锭 A00", "150", "t"));
        warehouses.enterPrice(admin, new WarehouseReceipts.PriceRequest("CU", today.minusDays(2), "72000", "t"));
        warehouses.enterPrice(admin, new WarehouseReceipts.PriceRequest("AL", today.minusDays(2), "20000", "t"));
        warehouses.pledge(sme, copper.id(), new WarehouseReceipts.PledgeRequest(caller("bank").institutionId(), "STATIC",
                null, new BigDecimal("8000000"), today.plusDays(180), "3.80", "0.70", "0.85", 5));
        // 20 t leave without the bank's release, then copper falls: the bank sees both alerts
        warehouses.record(admin, copper.id(), new WarehouseReceipts.EventRequest("OUTBOUND", "20", null,
                "提货未经解押 / taken out without release"));
        warehouses.enterPrice(admin, new WarehouseReceipts.PriceRequest("CU", today, "60000", "t"));
        // an order from an overseas buyer, financed on the SME's own data and the aluminium
        var assessed = denucleated.assess(sme, new Denucleated.Request(caller("bank").institutionId(), "ORDER",
                "Rheinland Werkzeugmaschinen GmbH", null, "RW-2026-0611", new BigDecimal("1500000.00"),
                new BigDecimal("900000.00"),
                today.plusDays(120), List.of(aluminium.number())));
        if ("APPROVED".equals(assessed.outcome())) {
            denucleated.fund(caller("bank"), assessed.id());
        }
    }
}
