package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Warehouse receipts (issue 8 §3): a supervised warehouse issues receipts, the owner pledges them to a
 * bank (filed and booked together), a second pledge is refused with the filing cited, goods leaving
 * without release alert the funder, prices moving the LTV raise alerts and margin calls, and release
 * waits for repayment or the funder's explicit say-so. Bad inputs are refused with nothing written.
 */
@IntegrationTest
class WarehouseIntegrationTests {

    static final String TODAY = "2026-06-30";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    long sme() {
        return jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'enterprise'").query(Long.class).single();
    }

    long coreEnterprise() {
        return jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'core'").query(Long.class).single();
    }

    long institution(String user) {
        return jdbc.sql("SELECT institution_id FROM app_user WHERE username = :u").param("u", user).query(Long.class)
                .single();
    }

    String smeCode() {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e").param("e", sme()).query(String.class).single();
    }

    static String freshCommodity() {
        return "T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    /** A supervised warehouse run by the core enterprise (its users issue receipts and report events). */
    long warehouse(boolean supervised) {
        var r = as("admin").post("/api/v1/warehouses", Map.of("name", "闽江物流监管仓", "regionCode", "350100",
                "address", "福州市仓山区建新镇 1 号", "operatorId", coreEnterprise(), "supervised", supervised));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode issue(long warehouse, String commodity, String quantity) {
        var r = as("core").post("/api/v1/warehouse-receipts", Map.of("warehouseId", warehouse, "ownerId", sme(),
                "commodityCode", commodity, "commodityName", "电解铜", "quantity", quantity, "unit", "t"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("number").asString()).matches("WR20260630\\d{6,}");
        return r.json();
    }

    void price(String commodity, String price) {
        var r = as("admin").post("/api/v1/commodity-prices", Map.of("commodityCode", commodity, "date", TODAY,
                "pricePerUnit", price, "unit", "t"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static Map<String, Object> pledge(long funder, String mode, String loan) {
        Map<String, Object> m = new HashMap<>();
        m.put("funderId", funder);
        m.put("pledgeMode", mode);
        m.put("loanAmount", loan);
        m.put("maturity", "2026-12-31");
        m.put("annualRate", "4.35");
        m.put("alertLine", "0.70");
        m.put("liquidationLine", "0.85");
        return m;
    }

    JsonNode event(long receipt, String kind, String quantity) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("quantity", quantity);
        var r = as("core").post("/api/v1/warehouse-receipts/" + receipt + "/events", m);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long loans(String number) {
        return jdbc.sql("SELECT count(*) FROM loan WHERE trade_reference = :r").param("r", "warehouse-receipt:" + number)
                .query(Long.class).single();
    }

    String status(long receipt) {
        return jdbc.sql("SELECT status FROM scf_warehouse_receipt WHERE id = :id").param("id", receipt)
                .query(String.class).single();
    }

    long alerts(String kind, String number) {
        return jdbc.sql("SELECT count(*) FROM scf_alert WHERE kind = :k AND subject = :s").param("k", kind)
                .param("s", "receipt:" + number).query(Long.class).single();
    }

    @Test
    void a_static_pledge_is_filed_and_booked_refused_twice_alerts_on_goods_leaving_and_on_falling_prices() {
        long bank = institution("bank");
        long bank2 = institution("bank2");
        long wh = warehouse(true);
        String cu = freshCommodity();
        JsonNode a = issue(wh, cu, "100");
        long id = a.get("id").asLong();
        String number = a.get("number").asString();
        price(cu, "10000");

        var pledged = as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/pledge", pledge(bank, "STATIC", "600000"));
        assertThat(pledged.status()).as(pledged.body()).isEqualTo(200);
        JsonNode p = pledged.json().get("pledge");
        assertThat(pledged.json().get("status").asString()).isEqualTo("PLEDGED");
        assertThat(p.get("initialValue").decimalValue()).isEqualByComparingTo("1000000.00");
        String filing = p.get("filingNumber").asString();
        long loanId = p.get("loanId").asLong();
        var loan = as("bank").get("/api/v1/loans/" + loanId);
        assertThat(loan.status()).as(loan.body()).isEqualTo(200);
        assertThat(loan.json().get("principal").decimalValue()).isEqualByComparingTo("600000");
        assertThat(loan.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(loans(number)).isEqualTo(1);
        // interest for 184 days at 4.35% on ACT/360: 600000 × 4.35% × 184 / 360 = 13340.00
        assertThat(jdbc.sql("SELECT interest_due FROM loan_installment WHERE loan_id = :l").param("l", loanId)
                .query(BigDecimal.class).single()).isEqualByComparingTo("13340.00");
        var filings = as("bank").get("/api/v1/registry/filings?grantor=" + smeCode());
        assertThat(filings.body()).contains(filing).contains(number).contains("WAREHOUSE_RECEIPT");

        // a second bank: refused with the filing cited, nothing written
        var second = as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/pledge", pledge(bank2, "STATIC", "100000"));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains(filing).contains("receiptId");
        assertThat(loans(number)).isEqualTo(1);

        // the funder sees it, the other bank does not
        assertThat(as("bank").get("/api/v1/warehouse-receipts/" + id).status()).isEqualTo(200);
        assertThat(as("bank2").get("/api/v1/warehouse-receipts/" + id).status()).isEqualTo(404);
        assertThat(as("bank").get("/api/v1/warehouse-receipts?status=PLEDGED&size=200").body()).contains(number);

        // goods leave without release: the event is recorded and the funder alerted
        var outbound = event(id, "OUTBOUND", "10");
        assertThat(outbound.get("alert").asString()).isEqualTo("GOODS_LEFT");
        assertThat(outbound.get("quantityAfter").decimalValue()).isEqualByComparingTo("90");
        var bankAlerts = as("bank").get("/api/v1/scf-alerts?kind=GOODS_LEFT&size=200");
        assertThat(bankAlerts.status()).as(bankAlerts.body()).isEqualTo(200);
        assertThat(bankAlerts.body()).contains("receipt:" + number);
        assertThat(as("bank2").get("/api/v1/scf-alerts?kind=GOODS_LEFT&size=200").body()).doesNotContain("receipt:" + number);
        assertThat(as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/events",
                Map.of("kind", "OUTBOUND", "quantity", "1")).status()).isEqualTo(403);
        var tooMuch = as("core").post("/api/v1/warehouse-receipts/" + id + "/events", Map.of("kind", "OUTBOUND",
                "quantity", "91"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("\"field\":\"quantity\"");

        // prices fall: 90 t at 8800 = 792000, LTV 0.7576 ≥ 0.70 → alert; at 7500 = 675000, LTV 0.8889 ≥ 0.85 → margin call
        price(cu, "8800");
        assertThat(alerts("LTV_ALERT", number)).isEqualTo(1);
        assertThat(alerts("MARGIN_CALL", number)).isZero();
        price(cu, "7500");
        assertThat(alerts("MARGIN_CALL", number)).isEqualTo(1);
        JsonNode detail = as("bank").get("/api/v1/warehouse-receipts/" + id).json();
        JsonNode call = detail.get("marginCalls").get(0);
        assertThat(call.get("status").asString()).isEqualTo("OPEN");
        assertThat(call.get("cureBy").asString()).isEqualTo("2026-07-05");
        JsonNode valuation = detail.get("valuations").get(detail.get("valuations").size() - 1);
        assertThat(valuation.get("ltv").decimalValue()).isEqualByComparingTo("0.8889");
        assertThat(valuation.get("state").asString()).isEqualTo("MARGIN_CALL");
        assertThat(detail.get("receipt").get("pledge").get("ltvState").asString()).isEqualTo("MARGIN_CALL");
        assertThat(detail.get("events").size()).isEqualTo(1);
        assertThat(as("bank").get("/api/v1/scf-alerts?kind=MARGIN_CALL&size=200").body()).contains("receipt:" + number);

        // the price recovers: the call is cured
        price(cu, "12000");
        JsonNode cured = as("bank").get("/api/v1/warehouse-receipts/" + id).json();
        assertThat(cured.get("marginCalls").get(0).get("status").asString()).isEqualTo("CURED");
        assertThat(cured.get("receipt").get("pledge").get("ltvState").asString()).isEqualTo("NORMAL");

        // release while the loan is outstanding: only when the funder says so explicitly; the filing stays
        assertThat(as("bank").post("/api/v1/warehouse-receipts/" + id + "/release", Map.of()).status()).isEqualTo(409);
        var asked = as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/release-request", Map.of("note", "换货"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        // another bank does not see the receipt at all: a write answers as a read would
        assertThat(as("bank2").post("/api/v1/warehouse-receipts/" + id + "/release", Map.of("anyway", true)).status())
                .isEqualTo(404);
        var refused = as("bank").post("/api/v1/warehouse-receipts/" + id + "/release", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("600000.00").contains("\"field\":\"anyway\"");
        var anyway = as("bank-approver").post("/api/v1/warehouse-receipts/" + id + "/release", Map.of("anyway", true));
        assertThat(anyway.status()).as(anyway.body()).isEqualTo(200);
        assertThat(anyway.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(anyway.json().get("pledge").get("releasedUnpaid").asBoolean()).isTrue();
        assertThat(filingStatus(filing)).isEqualTo("ACTIVE");
    }

    String filingStatus(String number) {
        return jdbc.sql("SELECT status FROM registry_filing WHERE number = :n").param("n", number).query(String.class)
                .single();
    }

    @Test
    void an_asset_already_filed_by_another_bank_is_refused_with_its_filing_and_nothing_is_written() {
        long wh = warehouse(true);
        String cu = freshCommodity();
        JsonNode b = issue(wh, cu, "50");
        long id = b.get("id").asLong();
        String number = b.get("number").asString();
        price(cu, "10000");
        var filed = as("bank2").post("/api/v1/registry/filings", Map.of("grantor", smeCode(), "collateralType",
                "WAREHOUSE_RECEIPT", "description", "仓单质押 " + number, "identifiers", List.of(number), "termMonths", 6));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String theirs = filed.json().get("number").asString();
        long filingsBefore = jdbc.sql("SELECT count(*) FROM registry_filing").query(Long.class).single();

        var refused = as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/pledge",
                pledge(institution("bank"), "STATIC", "300000"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains(theirs).contains("already filed");
        assertThat(status(id)).isEqualTo("ISSUED");
        assertThat(loans(number)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM registry_filing").query(Long.class).single()).isEqualTo(filingsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM scf_receipt_pledge WHERE receipt_id = :r").param("r", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void bad_inputs_are_refused_with_the_field_named_and_nothing_written() {
        long bank = institution("bank");
        long wh = warehouse(true);
        String cu = freshCommodity();

        long receiptsBefore = jdbc.sql("SELECT count(*) FROM scf_warehouse_receipt").query(Long.class).single();
        var negative = as("core").post("/api/v1/warehouse-receipts", Map.of("warehouseId", wh, "ownerId", sme(),
                "commodityCode", cu, "commodityName", "电解铜", "quantity", "-5", "unit", "t"));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body()).contains("\"field\":\"quantity\"");
        var notOperator = as("enterprise").post("/api/v1/warehouse-receipts", Map.of("warehouseId", wh, "ownerId", sme(),
                "commodityCode", cu, "commodityName", "电解铜", "quantity", "5", "unit", "t"));
        assertThat(notOperator.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM scf_warehouse_receipt").query(Long.class).single())
                .isEqualTo(receiptsBefore);
        assertThat(as("bank").post("/api/v1/warehouses", Map.of("name", "x仓库", "regionCode", "350100",
                "address", "somewhere")).status()).isEqualTo(403);
        var badRegion = as("admin").post("/api/v1/warehouses", Map.of("name", "监管仓", "regionCode", "999999",
                "address", "somewhere"));
        assertThat(badRegion.status()).isEqualTo(422);
        assertThat(badRegion.body()).contains("\"field\":\"regionCode\"");

        JsonNode c = issue(wh, cu, "100");
        long id = c.get("id").asLong();
        String number = c.get("number").asString();
        String url = "/api/v1/warehouse-receipts/" + id + "/pledge";

        var noPrice = as("enterprise").post(url, pledge(bank, "STATIC", "100000"));
        assertThat(noPrice.status()).isEqualTo(422);
        assertThat(noPrice.body()).contains("\"field\":\"commodityCode\"").contains("No price for " + cu);

        price(cu, "10000");
        Map<String, Object> lines = pledge(bank, "STATIC", "100000");
        lines.put("alertLine", "0.85");
        lines.put("liquidationLine", "0.85");
        var badLines = as("enterprise").post(url, lines);
        assertThat(badLines.status()).isEqualTo(422);
        assertThat(badLines.body()).contains("\"field\":\"alertLine\"");

        var tooMuch = as("enterprise").post(url, pledge(bank, "STATIC", "700000"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("\"field\":\"loanAmount\"").contains("lend at most 699999.99");

        var notOwner = as("core").post(url, pledge(bank, "STATIC", "100000"));
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.body()).contains("\"field\":\"receiptId\"");

        Map<String, Object> dynamicWithoutMinimum = pledge(bank, "DYNAMIC", "100000");
        var noMinimum = as("enterprise").post(url, dynamicWithoutMinimum);
        assertThat(noMinimum.status()).isEqualTo(422);
        assertThat(noMinimum.body()).contains("\"field\":\"minimumValue\"");

        assertThat(status(id)).isEqualTo("ISSUED");
        assertThat(loans(number)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM scf_receipt_pledge WHERE receipt_id = :r").param("r", id)
                .query(Long.class).single()).isZero();

        // an unsupervised warehouse: its receipts cannot be pledged
        long loose = warehouse(false);
        JsonNode u = issue(loose, cu, "10");
        var unsupervised = as("enterprise").post("/api/v1/warehouse-receipts/" + u.get("id").asLong() + "/pledge",
                pledge(bank, "STATIC", "10000"));
        assertThat(unsupervised.status()).isEqualTo(422);
        assertThat(unsupervised.body()).contains("\"field\":\"warehouseId\"");

        // CSV: one bad row refuses the file, each problem with its line
        long pricesBefore = jdbc.sql("SELECT count(*) FROM scf_commodity_price").query(Long.class).single();
        var bad = as("admin").postText("/api/v1/commodity-prices/import", "text/csv",
                "code,date,price,unit\n" + cu + ",2026-06-29,9900,t\n" + cu + ",2026-13-01,9900,t\ncu!,2026-06-28,-1,t\n");
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("Line 3: date").contains("Line 4: commodity code").contains("Line 4: price");
        assertThat(jdbc.sql("SELECT count(*) FROM scf_commodity_price").query(Long.class).single()).isEqualTo(pricesBefore);
        var good = as("bank").postText("/api/v1/commodity-prices/import", "text/csv",
                "code,date,price,unit\n" + cu + ",2026-06-29,9900,t\n" + cu.toLowerCase() + ",2026-06-28,9800.5,t\n");
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        assertThat(good.json().size()).isEqualTo(2);
        assertThat(as("enterprise").post("/api/v1/commodity-prices", Map.of("commodityCode", cu, "date", TODAY,
                "pricePerUnit", "1", "unit", "t")).status()).isEqualTo(403);
        var future = as("admin").post("/api/v1/commodity-prices", Map.of("commodityCode", cu, "date", "2026-07-01",
                "pricePerUnit", "1", "unit", "t"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("\"field\":\"date\"");
    }

    @Test
    void a_dynamic_pledge_lets_stock_rotate_above_the_minimum_and_release_after_repayment_cancels_the_filing() {
        long bank = institution("bank");
        long wh = warehouse(true);
        String al = freshCommodity();
        JsonNode d = issue(wh, al, "100");
        long id = d.get("id").asLong();
        String number = d.get("number").asString();
        price(al, "10000");
        Map<String, Object> body = pledge(bank, "DYNAMIC", "500000");
        body.put("minimumValue", "700000");
        body.put("cureDays", 3);
        var pledged = as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/pledge", body);
        assertThat(pledged.status()).as(pledged.body()).isEqualTo(200);
        String filing = pledged.json().get("pledge").get("filingNumber").asString();
        long loanId = pledged.json().get("pledge").get("loanId").asLong();

        event(id, "INBOUND", "5");
        var allowed = event(id, "OUTBOUND", "25");   // 80 t = 800000 ≥ 700000
        assertThat(allowed.get("decision").asString()).isEqualTo("ALLOWED");
        assertThat(allowed.get("alert").isNull()).isTrue();
        assertThat(alerts("GOODS_LEFT", number)).isZero();
        var below = event(id, "OUTBOUND", "15");     // 65 t = 650000 < 700000
        assertThat(below.get("decision").asString()).isEqualTo("BELOW_MINIMUM");
        assertThat(below.get("alert").asString()).isEqualTo("GOODS_LEFT");
        assertThat(alerts("GOODS_LEFT", number)).isEqualTo(1);
        var counted = event(id, "STOCKTAKE", "66");
        assertThat(counted.get("quantityAfter").decimalValue()).isEqualByComparingTo("66");
        var sensor = as("core").post("/api/v1/warehouse-receipts/" + id + "/events", Map.of("kind", "SENSOR_ALARM",
                "sensor", "温湿度-03", "note", "湿度超限"));
        assertThat(sensor.status()).as(sensor.body()).isEqualTo(201);
        assertThat(alerts("SENSOR", number)).isEqualTo(1);
        assertThat(as("regulator").get("/api/v1/scf-alerts?kind=SENSOR&size=200").body()).contains("receipt:" + number);

        // repaid, then released: the filing is cancelled and later outbounds raise nothing
        var asked = as("enterprise").post("/api/v1/warehouse-receipts/" + id + "/release-request", null);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode dues = as("bank").get("/api/v1/loans/" + loanId + "/dues?valueDate=" + TODAY).json();
        var repaid = as("bank").post("/api/v1/loans/" + loanId + "/repayments", Map.of("amount",
                dues.get("payoff").asString(), "valueDate", TODAY, "type", "PAYOFF"));
        assertThat(repaid.status()).as(repaid.body()).isBetween(200, 201);
        var released = as("bank").post("/api/v1/warehouse-receipts/" + id + "/release", Map.of("note", "已结清"));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(released.json().get("pledge").get("releasedUnpaid").asBoolean()).isFalse();
        assertThat(filingStatus(filing)).isEqualTo("CANCELLED");
        var after = event(id, "OUTBOUND", "66");
        assertThat(after.get("alert").isNull()).isTrue();
        assertThat(alerts("GOODS_LEFT", number)).isEqualTo(1);
        assertThat(as("enterprise").get("/api/v1/warehouse-receipts?status=RELEASED&size=200").body()).contains(number);
    }
}
