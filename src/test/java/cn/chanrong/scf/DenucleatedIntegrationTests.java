package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.identity.Caller;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An SME finances an order from a buyer off the platform on its own data credit plus goods in a
 * supervised warehouse: the assessment shows both sources and the registry check, the funder books
 * it with the filings, and the same document or goods are then refused to another funder.
 */
@IntegrationTest
class DenucleatedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarehouseReceipts warehouses;

    Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    long idOf(String column, String user) {
        return jdbc.sql("SELECT " + column + " FROM app_user WHERE username = :u").param("u", user).query(Long.class)
                .single();
    }

    Map<String, Object> request(long institution, String document, String amount, List<String> receipts) {
        Map<String, Object> m = new HashMap<>();
        m.put("institutionId", institution);
        m.put("basis", "ORDER");
        m.put("buyerName", "Rheinland Werkzeugmaschinen GmbH");
        m.put("documentNo", document);
        m.put("documentAmount", "2000000.00");
        m.put("amount", amount);
        m.put("maturity", "2026-10-31");
        m.put("receiptNumbers", receipts);
        return m;
    }

    @Test
    void an_order_from_an_off_platform_buyer_is_financed_on_data_and_goods_and_not_twice() {
        long smeId = idOf("enterprise_id", "enterprise");
        long bank = idOf("institution_id", "bank");
        long bank2 = idOf("institution_id", "bank2");
        Caller admin = Caller.system("test-admin");
        var warehouse = warehouses.register(admin, new WarehouseReceipts.WarehouseRequest("福州保税监管仓 " +
                ThreadLocalRandom.current().nextInt(100000), "350100", "福州市马尾区", null, true));
        var receipt = warehouses.issue(admin, new WarehouseReceipts.IssueRequest(warehouse.id(), smeId, "AL", "铝锭 A00",
                "100", "t"));
        warehouses.enterPrice(admin, new WarehouseReceipts.PriceRequest("AL", LocalDate.of(2026, 6, 29), "20000", "t"));
        String document = "PO-DN-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Api sme = as("enterprise");

        // more than 90 % of the order is refused outright
        var tooMuch = sme.post("/api/v1/denucleated-financings", request(bank, document, "1900000", List.of()));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("is more than 90% of the document amount");
        // a receipt that is not the SME's is refused
        assertThat(sme.post("/api/v1/denucleated-financings", request(bank, document, "1000000", List.of("WR2026X")))
                .body()).contains("is not yours");

        var assessed = sme.post("/api/v1/denucleated-financings", request(bank, document, "1000000",
                List.of(receipt.number())));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        var a = assessed.json();
        // both sources of credit are listed: the stored credit decision and the goods at the price feed
        assertThat(a.get("dataCredit").get("decisionId").asLong()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM credit_decision WHERE id = :d AND enterprise_id = :e")
                .param("d", a.get("dataCredit").get("decisionId").asLong()).param("e", smeId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(new BigDecimal(a.get("assetCredit").get("value").asString())).isEqualByComparingTo("2000000.00");
        assertThat(new BigDecimal(a.get("assetCredit").get("cover").asString())).isEqualByComparingTo("1200000.00");
        BigDecimal capacity = new BigDecimal(a.get("dataCredit").get("recommendedLimit").asString()).add(
                new BigDecimal("1200000.00"));
        if ("DECLINE".equals(a.get("dataCredit").get("outcome").asString())) {
            capacity = new BigDecimal("1200000.00");
        }
        assertThat(new BigDecimal(a.get("capacity").asString())).isEqualByComparingTo(capacity);
        assertThat(a.get("registry").get("identifiers").toString()).contains("PO" + document).contains(receipt.number());
        assertThat(a.get("registry").get("conflicts").size()).isZero();
        assertThat(a.get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(a.get("reasons").toString()).contains("COVERED_BY_GOODS");
        long id = a.get("id").asLong();
        assertThat(as("bank2").get("/api/v1/denucleated-financings/" + id).status()).isEqualTo(404);

        // without a facility on the SME the funder cannot book it, and nothing is filed
        assertThat(as("bank2").post("/api/v1/denucleated-financings/" + id + "/fund", Map.of()).status()).isEqualTo(404);
        var f = as("bank-approver").post("/api/v1/facilities", Map.of("borrowerId", smeId, "amount", "5000000",
                "validFrom", "2025-01-01", "validTo", "2029-12-31"));
        assertThat(f.status()).as(f.body()).isEqualTo(201);
        var funded = as("bank").post("/api/v1/denucleated-financings/" + id + "/fund", Map.of());
        assertThat(funded.status()).as(funded.body()).isEqualTo(200);
        long loan = funded.json().get("loanId").asLong();
        assertThat(jdbc.sql("SELECT principal FROM loan WHERE id = :l AND trade_reference = :r AND institution_id = :b")
                .param("l", loan).param("r", "denucleated:" + id).param("b", bank).query(BigDecimal.class).single())
                .isEqualByComparingTo("1000000.00");
        assertThat(funded.json().get("filingNumber").asString().split(",")).hasSize(2);
        assertThat(as("bank").post("/api/v1/denucleated-financings/" + id + "/fund", Map.of()).status()).isEqualTo(409);

        // the same order to another funder: declined on the registry check, citing the filing
        var again = sme.post("/api/v1/denucleated-financings", request(bank2, document, "500000", List.of()));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("outcome").asString()).isEqualTo("DECLINED");
        assertThat(again.json().get("registry").get("conflicts").toString())
                .contains(funded.json().get("filingNumber").asString().split(",")[0]);
    }
}
