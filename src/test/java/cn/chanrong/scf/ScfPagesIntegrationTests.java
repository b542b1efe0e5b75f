package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supply-chain finance workbench through its real filter chain (form login, session, CSRF): the
 * supplier uploads and finances a receivable, the core enterprise confirms it singly or in batch, the
 * funders answer, the second funder is refused with the filing cited, the regulator sees breaches and
 * blocked attempts; vouchers split with the tree shown; a funder watches its pledged warehouse receipts.
 */
@IntegrationTest
class ScfPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long user(String username, String column) {
        return jdbc.sql("SELECT " + column + " FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single();
    }

    String institutionName(long id) {
        return jdbc.sql("SELECT name FROM institution WHERE id = :id").param("id", id).query(String.class).single();
    }

    static Map<String, String> form(String page, String... pairs) {
        Map<String, String> m = new HashMap<>();
        m.put("_csrf", Workbench.csrf(page));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** A form post answered with a redirect, and the page it leads to (read at once, as a browser does, so the flash shows there). */
    record Sent(String location, String page) {
    }

    static Sent send(Workbench w, String path, Map<String, String> form) throws Exception {
        HttpResponse<String> r = w.post(path, form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        var next = w.get(location);
        assertThat(next.statusCode()).as(location).isEqualTo(200);
        return new Sent(location, next.body());
    }

    static String location(Sent s) {
        return s.location();
    }

    static long idFrom(String location) {
        Matcher m = Pattern.compile("/(\\d+)$").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    String numberOf(long receivable) {
        return jdbc.sql("SELECT number FROM scf_receivable WHERE id = :id").param("id", receivable).query(String.class)
                .single();
    }

    String statusOf(long receivable) {
        return jdbc.sql("SELECT status FROM scf_receivable WHERE id = :id").param("id", receivable).query(String.class)
                .single();
    }

    long offerOf(long receivable, long institution) {
        return jdbc.sql("SELECT id FROM scf_financing_offer WHERE receivable_id = :r AND institution_id = :i")
                .param("r", receivable).param("i", institution).query(Long.class).single();
    }

    void facility(String approver, long institution, long borrower) {
        long active = jdbc.sql("""
                        SELECT count(*) FROM facility WHERE institution_id = :i AND borrower_id = :b AND status = 'ACTIVE'
                           AND valid_from <= DATE '2026-06-30' AND valid_to >= DATE '2026-12-31'""")
                .param("i", institution).param("b", borrower).query(Long.class).single();
        if (active == 0) {
            var r = Api.as(port, approver).post("/api/v1/facilities", Map.of("borrowerId", borrower, "amount", "50000000.00",
                    "validFrom", "2025-01-01", "validTo", "2027-12-31"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    /** The supplier uploads a receivable on core through the page form; returns its id. */
    long upload(Workbench supplier, long debtor, String amount) throws Exception {
        String page = supplier.get("/scf").body();
        return idFrom(location(send(supplier, "/scf/receivables", form(page, "debtorId", Long.toString(debtor),
                "contractNo", "HT-WB-" + ThreadLocalRandom.current().nextInt(1_000_000), "amount", amount,
                "deliveredOn", "2026-06-20", "dueOn", "2026-10-31"))));
    }

    @Test
    void a_receivable_is_uploaded_confirmed_offered_accepted_and_refused_to_a_second_funder_in_the_workbench()
            throws Exception {
        long core = user("core", "enterprise_id");
        long bank = user("bank", "institution_id");
        long bank2 = user("bank2", "institution_id");
        facility("bank-approver", bank, core);
        Workbench supplier = Workbench.loggedIn(port, "enterprise");
        Workbench debtor = Workbench.loggedIn(port, "core");

        // a bad form is refused with the reason in Chinese, nothing written
        String page = supplier.get("/scf").body();
        assertThat(page).contains("我的应收账款（作为债权人）").contains("id=\"upload-form\"");
        var bad = send(supplier, "/scf/receivables", form(page, "debtorId", Long.toString(core), "amount", "100.00",
                "deliveredOn", "2026-06-20", "dueOn", "2026-01-01"));
        assertThat(location(bad)).isEqualTo("/scf");
        assertThat(bad.page()).contains("id=\"problems\"").contains("到期日");
        // an amount the form cannot read is named on the page, as the API names it
        var unreadable = send(supplier, "/scf/receivables", form(page, "debtorId", Long.toString(core), "amount", "1e6",
                "deliveredOn", "2026-06-20", "dueOn", "2026-09-30"));
        assertThat(location(unreadable)).isEqualTo("/scf");
        assertThat(unreadable.page()).contains("id=\"problems\"").contains("金额“1e6”不是十进制金额");

        long id = upload(supplier, core, "880000.00");
        String number = numberOf(id);
        var detail = supplier.get("/scf/receivables/" + id).body();
        assertThat(detail).contains("应收账款" + number).contains("待确权");
        assertThat(supplier.get("/scf").body()).contains("data-number=\"" + number + "\"").contains("880,000.00");

        // the debtor sees it to confirm and confirms with the single button
        String payables = debtor.get("/scf").body();
        assertThat(payables).contains("待确权的应付账款").contains("data-number=\"" + number + "\"");
        assertThat(location(send(debtor, "/scf/receivables/" + id + "/decision",
                form(payables, "decision", "CONFIRMED")))).isEqualTo("/scf");
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        var confirmed = debtor.get("/scf/receivables/" + id).body();
        assertThat(confirmed).contains("已确权").contains("data-valid=\"true\"").contains("SM3withSM2");
        // it now shows among the debtor's payments due, not among the payables to confirm
        String due = debtor.get("/scf").body();
        assertThat(due.substring(due.indexOf("id=\"payments-due\""))).contains("data-number=\"" + number + "\"");
        assertThat(due.substring(due.indexOf("id=\"payables\""), due.indexOf("id=\"payments-due\"")))
                .doesNotContain("data-number=\"" + number + "\"");

        // the supplier asks two funders
        detail = supplier.get("/scf/receivables/" + id).body();
        assertThat(detail).contains("id=\"financing-form\"");
        var asked = send(supplier, "/scf/receivables/" + id + "/financing-requests",
                form(detail, "institutionIds", bank + "," + bank2));
        assertThat(location(asked)).isEqualTo("/scf/receivables/" + id);
        long offer1 = offerOf(id, bank);
        long offer2 = offerOf(id, bank2);

        // each funder sees the request, its checklist, and makes an offer; a bad rate is refused with the reason
        Workbench funder = Workbench.loggedIn(port, "bank");
        String requests = funder.get("/scf").body();
        assertThat(requests).contains("融资申请与报价").contains("data-offer=\"" + offer1 + "\"").contains("待报价");
        String answer = funder.get("/scf/receivables/" + id).body();
        assertThat(answer).doesNotContain("??").contains("融资前检查清单").contains("data-item=\"REGISTRY\"").contains("offer-form");
        var tooHigh = send(funder, "/scf/offers/" + offer1 + "/offer", form(answer, "receivableId", Long.toString(id),
                "advanceRate", "1.5", "discountRate", "3.6", "kind", "FACTORING", "riskObligor", "DEBTOR"));
        assertThat(location(tooHigh)).isEqualTo("/scf/receivables/" + id);
        assertThat(tooHigh.page()).contains("id=\"problems\"");
        assertThat(location(send(funder, "/scf/offers/" + offer1 + "/offer", form(answer, "receivableId", Long.toString(id),
                "advanceRate", "0.8", "discountRate", "3.6", "fee", "100", "kind", "FACTORING", "riskObligor", "DEBTOR"))))
                .isEqualTo("/scf/receivables/" + id);
        Workbench funder2 = Workbench.loggedIn(port, "bank2");
        String answer2 = funder2.get("/scf/receivables/" + id).body();
        assertThat(answer2).doesNotContain("data-offer=\"" + offer1 + "\"");
        location(send(funder2, "/scf/offers/" + offer2 + "/offer", form(answer2, "receivableId", Long.toString(id),
                "advanceRate", "0.7", "discountRate", "4.0", "kind", "PLEDGE", "riskObligor", "DEBTOR")));

        // the supplier sees both offers on its landing page and accepts the first
        String offers = supplier.get("/scf").body();
        assertThat(offers).doesNotContain("??").contains("收到的融资报价").contains("data-offer=\"" + offer1 + "\"")
                .contains("data-offer=\"" + offer2 + "\"");
        assertThat(location(send(supplier, "/scf/offers/" + offer1 + "/accept", form(offers)))).isEqualTo("/scf");
        assertThat(statusOf(id)).isEqualTo("FINANCED");
        String financed = supplier.get("/scf/receivables/" + id).body();
        String filing = jdbc.sql("SELECT filing_number FROM scf_financing_offer WHERE id = :o").param("o", offer1)
                .query(String.class).single();
        assertThat(financed).doesNotContain("??").contains("已融资").contains("致债务人的通知书").contains("应收账款转让通知").contains(filing)
                .containsPattern("href=\"/loans/\\d+\"");

        // the second funder's offer is refused with the filing cited, and the regulator sees the blocked attempt
        var second = send(supplier, "/scf/offers/" + offer2 + "/accept", form(financed, "receivableId", Long.toString(id)));
        assertThat(location(second)).isEqualTo("/scf/receivables/" + id);
        String refused = second.page();
        assertThat(refused).contains("id=\"problems\"").contains("已经融资").contains(filing);
        String regulator = Workbench.loggedIn(port, "regulator").get("/scf").body();
        assertThat(regulator.substring(regulator.indexOf("id=\"blocked\""))).contains(institutionName(bank2));
        assertThat(regulator.substring(regulator.indexOf("id=\"by-chain\""), regulator.indexOf("id=\"by-tier\"")))
                .contains("data-kind=\"RECEIVABLE\"").contains("应收账款融资");

        // English on request
        String en = supplier.get("/scf/receivables/" + id + "?lang=en").body();
        assertThat(en).doesNotContain("??").contains("Receivable " + number).contains("Financed").doesNotContain("已融资");
    }

    @Test
    void the_debtor_disputes_several_payables_at_once_and_a_decided_one_cannot_be_decided_again() throws Exception {
        long core = user("core", "enterprise_id");
        Workbench supplier = Workbench.loggedIn(port, "enterprise");
        long a = upload(supplier, core, "1200.00");
        long b = upload(supplier, core, "3400.00");
        Workbench debtor = Workbench.loggedIn(port, "core");
        String page = debtor.get("/scf").body();
        assertThat(page).contains("name=\"ids\" value=\"" + a + "\"").contains("name=\"ids\" value=\"" + b + "\"");
        var batch = send(debtor, "/scf/receivables/decisions", form(page, "ids", a + "," + b, "decision", "DISPUTED",
                "reason", "货物质量不符"));
        assertThat(location(batch)).isEqualTo("/scf");
        assertThat(List.of(statusOf(a), statusOf(b))).containsOnly("DISPUTED");
        assertThat(debtor.get("/scf/receivables/" + a).body()).contains("有异议").contains("货物质量不符");

        var again = send(debtor, "/scf/receivables/decisions", form(page, "ids", Long.toString(a), "decision", "CONFIRMED"));
        assertThat(location(again)).isEqualTo("/scf");
        assertThat(again.page()).contains("id=\"problems\"").contains(numberOf(a))
                .contains("不能修改");
        assertThat(statusOf(a)).isEqualTo("DISPUTED");
        // the supplier cannot decide its own receivable
        var own = send(supplier, "/scf/receivables/" + a + "/decision", form(supplier.get("/scf").body(),
                "decision", "CONFIRMED", "back", "detail"));
        assertThat(location(own)).isEqualTo("/scf/receivables/" + a);
        assertThat(own.page()).contains("id=\"problems\"");
    }

    @Test
    void a_regulator_sees_payment_term_breaches_and_an_institution_sees_its_own_view() throws Exception {
        long sme = user("enterprise", "enterprise_id");
        // a payable the large debtor uploads (counts as confirmation), delivered 120 days ago, silent contract
        Map<String, Object> payable = new HashMap<>();
        payable.put("creditorId", sme);
        payable.put("amount", "56789.12");
        payable.put("deliveredOn", "2026-03-02");
        payable.put("dueOn", "2026-05-01");
        var made = Api.as(port, "core").post("/api/v1/receivables", payable);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String number = made.json().get("number").asString();

        Workbench regulator = Workbench.loggedIn(port, "regulator");
        String first = regulator.get("/scf").body();
        assertThat(first).doesNotContain("??").contains("账期违约").contains("id=\"breaches\"").contains("被拦截的重复融资");
        boolean found = false;
        String row = null;
        for (int p = 0; p < 40 && !found; p++) {
            String body = regulator.get("/scf?page=" + p).body();
            int at = body.indexOf("data-number=\"" + number + "\"");
            if (at >= 0) {
                found = true;
                row = body.substring(at, body.indexOf("</tr>", at));
            } else if (!body.contains("data-number=")) {
                break;
            }
        }
        assertThat(found).as("breach of " + number + " on the regulator page").isTrue();
        assertThat(row).contains("大型企业对中小企业60日").contains("56,789.12").contains("未付");

        // every role's pages in English carry no missing message
        assertThat(regulator.get("/scf?lang=en").body()).doesNotContain("??").contains("Payment-term breaches")
                .contains("Financings by chain and kind");
        assertThat(regulator.get("/scf/vouchers").body()).doesNotContain("??").contains("Conservation of value");
        assertThat(regulator.get("/scf/warehouse").body()).doesNotContain("??").contains("Receipts");
        Workbench bankEn = Workbench.loggedIn(port, "bank");
        assertThat(bankEn.get("/scf?lang=en").body()).doesNotContain("??").contains("Financing requests and offers");
        assertThat(bankEn.get("/scf/warehouse").body()).doesNotContain("??").contains("Alerts");
        Workbench smeEn = Workbench.loggedIn(port, "enterprise");
        assertThat(smeEn.get("/scf?lang=en").body()).doesNotContain("??").contains("My receivables (as creditor)");
        assertThat(smeEn.get("/scf/vouchers").body()).doesNotContain("??").contains("Voucher parts I hold");
        String bank = Workbench.loggedIn(port, "bank").get("/scf").body();
        assertThat(bank).doesNotContain("??").contains("融资申请与报价").contains("id=\"alerts\"").doesNotContain("id=\"breaches\"");
        assertThat(Workbench.loggedIn(port, "bank").get("/scf/receivables/" + made.json().get("id").asLong())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void a_voucher_is_issued_split_and_transferred_and_its_tree_shown() throws Exception {
        long sme = user("enterprise", "enterprise_id");
        long core = user("core", "enterprise_id");
        long tier2 = jdbc.sql("SELECT id FROM enterprise WHERE id NOT IN (:a, :b) ORDER BY id LIMIT 1")
                .param("a", sme).param("b", core).query(Long.class).single();
        Workbench issuer = Workbench.loggedIn(port, "core");
        String page = issuer.get("/scf/vouchers").body();
        assertThat(page).contains("开立凭证").contains("id=\"issue-form\"");
        var tooLong = send(issuer, "/scf/vouchers", form(page, "supplierId", Long.toString(sme), "faceValue", "1000.00",
                "maturity", "2027-07-31", "tradeBackground", "HT-WB-EV"));
        assertThat(location(tooLong)).isEqualTo("/scf/vouchers");
        assertThat(tooLong.page()).contains("id=\"problems\"").contains("十二");
        long voucher = idFrom(location(send(issuer, "/scf/vouchers", form(page, "supplierId", Long.toString(sme),
                "faceValue", "9000.00", "maturity", "2026-10-31", "tradeBackground", "HT-WB-EV-9000"))));
        String vnumber = jdbc.sql("SELECT number FROM scf_voucher WHERE id = :v").param("v", voucher).query(String.class)
                .single();
        long root = jdbc.sql("SELECT id FROM scf_voucher_part WHERE voucher_id = :v AND parent_id IS NULL")
                .param("v", voucher).query(Long.class).single();

        Workbench holder = Workbench.loggedIn(port, "enterprise");
        String held = holder.get("/scf/vouchers").body();
        assertThat(held).doesNotContain("??").contains("我持有的凭证").contains("data-part=\"" + root + "\"").contains(vnumber);
        var unequal = send(holder, "/scf/voucher-parts/" + root + "/split", form(held, "amounts", "5000, 3000"));
        assertThat(location(unequal)).isEqualTo("/scf/vouchers");
        assertThat(unequal.page()).contains("id=\"problems\"");
        var subFen = send(holder, "/scf/voucher-parts/" + root + "/split", form(held, "amounts", "5000, 3999.995"));
        assertThat(location(subFen)).isEqualTo("/scf/vouchers");
        assertThat(subFen.page()).contains("id=\"problems\"").contains("拆分金额“3999.995”最多保留2位小数");
        location(send(holder, "/scf/voucher-parts/" + root + "/split", form(held, "amounts", "5000, 4000")));
        List<Long> pieces = jdbc.sql("SELECT id FROM scf_voucher_part WHERE parent_id = :p ORDER BY amount DESC")
                .param("p", root).query(Long.class).list();
        assertThat(pieces).hasSize(2);
        var noBackground = send(holder, "/scf/voucher-parts/" + pieces.get(0) + "/transfer",
                form(held, "toEnterpriseId", Long.toString(tier2)));
        location(noBackground);
        assertThat(noBackground.page()).contains("id=\"problems\"").contains("贸易背景");
        location(send(holder, "/scf/voucher-parts/" + pieces.get(0) + "/transfer",
                form(held, "toEnterpriseId", Long.toString(tier2), "tradeBackground", "HT-T2-0001")));

        String tree = issuer.get("/scf/vouchers/" + voucher).body();
        assertThat(tree).doesNotContain("??").contains("穿透图").contains("data-part=\"" + root + "\"")
                .contains("data-part=\"" + pieces.get(1) + "\"").containsPattern("data-tier=\"2\"")
                .contains("第2级").contains("已转让").contains("id=\"tree-ok\"").contains("HT-T2-0001");
        String overview = Workbench.loggedIn(port, "regulator").get("/scf").body();
        assertThat(overview).contains("按层级统计的电子凭证金额");
        assertThat(overview.substring(overview.indexOf("id=\"by-tier\""))).contains("data-tier=\"2\"");
        String regulator = Workbench.loggedIn(port, "regulator").get("/scf/vouchers").body();
        assertThat(regulator).doesNotContain("??").contains("价值守恒").contains("id=\"conservation\"");
    }

    @Test
    void a_funder_watches_its_pledged_receipts_and_the_alert_when_goods_leave() throws Exception {
        long bank = user("bank", "institution_id");
        long core = user("core", "enterprise_id");
        long sme = user("enterprise", "enterprise_id");
        var wh = Api.as(port, "admin").post("/api/v1/warehouses", Map.of("name", "马尾监管仓", "regionCode", "350100",
                "address", "福州市马尾区 8 号", "operatorId", core, "supervised", true));
        assertThat(wh.status()).as(wh.body()).isEqualTo(201);
        String commodity = "W" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        var receipt = Api.as(port, "core").post("/api/v1/warehouse-receipts", Map.of("warehouseId",
                wh.json().get("id").asLong(), "ownerId", sme, "commodityCode", commodity, "commodityName", "电解铜",
                "quantity", "100", "unit", "t"));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        long id = receipt.json().get("id").asLong();
        String number = receipt.json().get("number").asString();
        var price = Api.as(port, "admin").post("/api/v1/commodity-prices", Map.of("commodityCode", commodity,
                "date", "2026-06-30", "pricePerUnit", "10000", "unit", "t"));
        assertThat(price.status()).as(price.body()).isEqualTo(201);
        Map<String, Object> pledge = new HashMap<>();
        pledge.put("funderId", bank);
        pledge.put("pledgeMode", "STATIC");
        pledge.put("loanAmount", "500000");
        pledge.put("maturity", "2026-12-31");
        pledge.put("annualRate", "4.35");
        pledge.put("alertLine", "0.70");
        pledge.put("liquidationLine", "0.85");
        var pledged = Api.as(port, "enterprise").post("/api/v1/warehouse-receipts/" + id + "/pledge", pledge);
        assertThat(pledged.status()).as(pledged.body()).isEqualTo(200);
        var out = Api.as(port, "core").post("/api/v1/warehouse-receipts/" + id + "/events",
                Map.of("kind", "OUTBOUND", "quantity", "10"));
        assertThat(out.status()).as(out.body()).isEqualTo(201);

        Workbench funder = Workbench.loggedIn(port, "bank");
        String list = funder.get("/scf/warehouse?status=PLEDGED&size=50").body();
        assertThat(list).doesNotContain("??").contains("仓单列表").contains("id=\"receipts\"").contains("id=\"alerts\"");
        String alerts = funder.get("/scf/warehouse?kind=GOODS_LEFT").body();
        assertThat(alerts.substring(alerts.indexOf("id=\"alerts\""))).contains("receipt:" + number).contains("质押货物出库");
        String detail = funder.get("/scf/warehouse/" + id).body();
        assertThat(detail).doesNotContain("??").contains("仓单" + number).contains("已质押").contains("出库").contains("id=\"release-form\"")
                .containsPattern("href=\"/loans/\\d+\"");
        assertThat(Workbench.loggedIn(port, "bank2").get("/scf/warehouse/" + id).statusCode()).isEqualTo(404);
    }
}
