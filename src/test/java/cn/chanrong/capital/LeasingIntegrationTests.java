package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22 §1: a lease signed by a financial leasing company, its rentals from the schedule core, filed in the registry as
 * FINANCIAL_LEASING at signing; a second lessor's lease of the same machine refused with the earlier filing named; bad
 * input refused field by field; read by the lessor, the lessee and the financial regulators of the lessee's region.
 */
@IntegrationTest
class LeasingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String code(String user) {
        return jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id WHERE u.username = :u")
                .param("u", user).query(String.class).single();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void the_demo_sale_and_leaseback_is_scheduled_filed_and_read_in_scope() {
        JsonNode lease = list(Api.as(port, "lessor").get("/api/v1/leasing/contracts").json().get("items")).stream()
                .filter(l -> l.get("serialNumbers").toString().contains("JGSK-DMU65-2023-0117")).findFirst().orElseThrow();
        assertThat(lease.get("kind").asString()).isEqualTo("SALE_LEASEBACK");
        assertThat(lease.get("number").asString()).matches("LS\\d{10}");
        long id = lease.get("id").asLong();
        List<JsonNode> rentals = list(Api.as(port, "enterprise").get("/api/v1/leasing/contracts/" + id + "/schedule").json());
        assertThat(rentals).hasSize(13);
        assertThat(rentals.getLast().get("buyOut").asBoolean()).isTrue();
        assertThat(rentals.getLast().get("rent").decimalValue()).isEqualByComparingTo("100.00");
        BigDecimal principal = rentals.stream().map(r -> r.get("principal").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(principal).isEqualByComparingTo("6800000.00");
        BigDecimal rent = rentals.stream().map(r -> r.get("rent").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lease.get("totalRent").decimalValue()).isEqualByComparingTo(rent);
        // the first two rentals paid on their days; nothing overdue
        for (JsonNode r : rentals.subList(0, 2)) {
            assertThat(r.get("paid").decimalValue()).isEqualByComparingTo(r.get("rent").decimalValue());
            assertThat(r.get("paidOn").asString()).isEqualTo(r.get("dueOn").asString());
        }
        BigDecimal paid = rentals.get(0).get("rent").decimalValue().add(rentals.get(1).get("rent").decimalValue());
        assertThat(lease.get("outstanding").decimalValue()).isEqualByComparingTo(rent.subtract(paid));
        assertThat(lease.get("tier").asString()).isEqualTo("NORMAL");
        // the lessor's books: the receivable gross less what was received; the interest received earned
        long lessor = lease.get("lessorId").asLong();
        assertThat(jdbc.sql("""
                        SELECT sum(p.debit - p.credit) FROM journal_entry e
                          JOIN posting p ON p.entry_id = e.id WHERE e.book = :b AND p.account = '1531'
                           AND e.source LIKE :s""").param("b", lessor).param("s", "lease:" + id + ":%")
                .query(BigDecimal.class).single()).isEqualByComparingTo(rent.subtract(paid));
        BigDecimal interestPaid = rentals.get(0).get("interest").decimalValue().add(rentals.get(1).get("interest").decimalValue());
        assertThat(jdbc.sql("""
                        SELECT sum(p.credit - p.debit) FROM journal_entry e
                          JOIN posting p ON p.entry_id = e.id WHERE e.book = :b AND p.account = '6011'
                           AND e.source LIKE :s""").param("b", lessor).param("s", "lease:" + id + ":%")
                .query(BigDecimal.class).single()).isEqualByComparingTo(interestPaid);

        JsonNode filings = Api.as(port, "bank").get("/api/v1/registry/filings?grantor=" + code("enterprise")).json();
        JsonNode filing = list(filings).stream().filter(f -> f.get("number").asString()
                .equals(lease.get("filingNumber").asString())).findFirst().orElseThrow();
        assertThat(filing.get("collateralType").asString()).isEqualTo("FINANCIAL_LEASING");
        assertThat(filing.get("identifiers").toString()).contains("JGSK-DMU65-2023-0117");

        assertThat(Api.as(port, "regulator-fj").get("/api/v1/leasing/contracts/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "bank").get("/api/v1/leasing/contracts/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "lessor2").get("/api/v1/leasing/contracts/" + id + "/schedule").status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/leasing/contracts/" + id).status())
                .as("another province's industry department").isEqualTo(404);
        assertThat(Api.as(port, "core").get("/api/v1/leasing/contracts/" + id).status()).as("another enterprise").isEqualTo(404);
    }

    private Map<String, Object> draft(String lessee, String serial) {
        Map<String, Object> d = new HashMap<>(Map.of("lessee", lessee, "leaseKind", "DIRECT", "equipment", "智能焊接机器人工作站",
                "serialNumbers", List.of(serial), "cost", "1200000.00", "months", 24, "periodMonths", 1,
                "annualRatePercent", "4.8", "timing", "IN_ADVANCE"));
        d.put("residual", "0.00");
        return d;
    }

    @Test
    void a_second_lease_of_a_filed_machine_is_refused_naming_the_filing_and_bad_input_field_by_field() {
        String core = code("core");
        String serial = "WELD-" + System.nanoTime() % 100_000_000;
        var signed = Api.as(port, "lessor").header("Idempotency-Key", "sign-" + serial)
                .post("/api/v1/leasing/contracts", draft(core, serial));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        var retried = Api.as(port, "lessor").header("Idempotency-Key", "sign-" + serial)
                .post("/api/v1/leasing/contracts", draft(core, serial));
        assertThat(retried.header("Idempotent-Replayed")).as("a retry gets the first answer").isEqualTo("true");
        assertThat(retried.json().get("id").asLong()).isEqualTo(signed.json().get("id").asLong());
        JsonNode lease = signed.json();
        assertThat(lease.get("financed").decimalValue()).isEqualByComparingTo("1200000.00");
        List<JsonNode> rentals = list(Api.as(port, "lessor").get("/api/v1/leasing/contracts/" + lease.get("id").asLong()
                + "/schedule").json());
        assertThat(rentals).hasSize(24);
        assertThat(rentals.getFirst().get("dueOn").asString()).as("in advance: the first rental on the start day")
                .isEqualTo(lease.get("startOn").asString());
        assertThat(rentals.getFirst().get("interest").decimalValue()).isEqualByComparingTo("0");

        // the first rental falls due on the start day: received once under its key, never before it falls due
        String path = "/api/v1/leasing/contracts/" + lease.get("id").asLong() + "/payments";
        String first = rentals.getFirst().get("rent").asString();
        var paid = Api.as(port, "lessor").header("Idempotency-Key", "rent-" + serial).post(path, Map.of("amount", first));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        var again = Api.as(port, "lessor").header("Idempotency-Key", "rent-" + serial).post(path, Map.of("amount", first));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM capital_lease_payment WHERE lease_id = :l").param("l", lease.get("id").asLong())
                .query(Long.class).single()).isEqualTo(1);
        var early = Api.as(port, "lessor").post(path, Map.of("amount", "1.00"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("leasing.payment.exceeds-due");
        assertThat(Api.as(port, "lessor2").post(path, Map.of("amount", "1.00")).status()).isEqualTo(404);

        var twice = Api.as(port, "lessor").post("/api/v1/leasing/contracts", draft(core, serial));
        assertThat(twice.status()).as("the lessor's own lease of the machine, signed again").isEqualTo(409);
        assertThat(twice.body()).contains("leasing.already-leased", lease.get("number").asString());
        Map<String, Object> free = draft(core, "FREE-" + serial);
        free.put("annualRatePercent", "0");
        assertThat(Api.as(port, "lessor").post("/api/v1/leasing/contracts", free).status()).as("an interest-free lease")
                .isEqualTo(201);

        var second = Api.as(port, "lessor2").post("/api/v1/leasing/contracts", draft(core, serial));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("leasing.ownership-conflict", lease.get("filingNumber").asString(), serial);
        assertThat(jdbc.sql("SELECT count(*) FROM capital_lease WHERE :s = ANY (serial_numbers)").param("s", serial)
                .query(Long.class).single()).isEqualTo(1);

        var bank = Api.as(port, "bank-approver").post("/api/v1/leasing/contracts", draft(core, "OTHER-1"));
        assertThat(bank.status()).isEqualTo(403);
        assertThat(bank.body()).contains("leasing.lessor-only");
        Map<String, Object> bad = draft(core, "DUP-1");
        bad.put("serialNumbers", List.of("DUP-1", "DUP-1"));
        bad.put("cost", "1.2e6");
        bad.put("periodMonths", 2);
        bad.put("residual", "5000000.00");
        var refused = Api.as(port, "lessor").header("Accept-Language", "en").post("/api/v1/leasing/contracts", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).as("money text is strict, refused at the edge").contains("\"field\":\"cost\"");
        Map<String, Object> bad2 = draft(core, "DUP-2");
        bad2.put("serialNumbers", List.of("DUP-2", "DUP-2"));
        bad2.put("residual", "1200000.00");
        bad2.put("months", 25);
        bad2.put("periodMonths", 3);
        bad2.put("annualRatePercent", "40");
        var refused2 = Api.as(port, "lessor").post("/api/v1/leasing/contracts", bad2);
        assertThat(refused2.status()).isEqualTo(422);
        assertThat(refused2.body()).contains("leasing.serial-twice", "leasing.residual", "leasing.whole-periods",
                "\"field\":\"annualRatePercent\"");
        assertThat(jdbc.sql("SELECT count(*) FROM capital_lease WHERE 'DUP-2' = ANY (serial_numbers)").query(Long.class)
                .single()).as("nothing half-saved").isZero();

        // a rental unpaid a month after its day: the lease ages and classifies as a loan would
        Map<String, Object> late = draft(core, "LATE-" + serial);
        late.put("startOn", "2026-05-31");
        var lateLease = Api.as(port, "lessor").post("/api/v1/leasing/contracts", late);
        assertThat(lateLease.status()).as(lateLease.body()).isEqualTo(201);
        assertThat(lateLease.json().get("daysPastDue").asInt()).isEqualTo(30);
        assertThat(lateLease.json().get("overdue").decimalValue()).isPositive();
        assertThat(lateLease.json().get("tier").asString()).isEqualTo("SPECIAL_MENTION");
    }

    @Test
    void in_the_workbench_a_lessor_signs_a_lease_choosing_the_lessee_by_name_and_reads_its_rentals() throws Exception {
        var lessor = cn.chanrong.support.Workbench.loggedIn(port, "lessor");
        String page = lessor.get("/leasing").body();
        assertThat(page).contains("id=\"lease-form\"", "id=\"leases\"", "售后回租");
        String serial = "PRESS-" + System.nanoTime() % 100_000_000;
        Map<String, String> form = new HashMap<>(Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page), "lessee", "闽江重型装备",
                "leaseKind", "DIRECT", "equipment", "伺服压力机", "serialNumbers", serial, "cost", "9e5", "months", "12",
                "periodMonths", "1", "annualRatePercent", "4.5"));
        form.put("timing", "IN_ADVANCE");
        var refused = lessor.post("/leasing", form);
        assertThat(refused.statusCode()).isEqualTo(302);
        page = lessor.get("/leasing").body();
        assertThat(page).as("refused, what was typed kept").contains("id=\"problems\"", "value=\"伺服压力机\"", serial);
        String coreName = jdbc.sql("SELECT e.name FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id WHERE u.username = 'core'")
                .query(String.class).single();
        form.put("_csrf", cn.chanrong.support.Workbench.csrf(page));
        form.put("lessee", coreName);
        form.put("serialNumbers", serial + "\n" + serial + "-B");
        form.put("cost", "900000.00");
        form.put("residual", "9000.00");
        var signed = lessor.post("/leasing", form);
        assertThat(signed.statusCode()).isEqualTo(302);
        String location = signed.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/leasing/\\d+");
        String shown = lessor.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(shown).contains("id=\"saved\"", "id=\"rentals\"", "留购", "9,000.00", serial + "-B");
        assertThat(jdbc.sql("SELECT cardinality(serial_numbers) FROM capital_lease WHERE :s = ANY (serial_numbers)")
                .param("s", serial).query(Integer.class).single()).isEqualTo(2);

        // the first rental (in advance, due today) received by form; the page's key makes a second submission a no-op
        long leaseId = Long.parseLong(location.replaceFirst(".*/", ""));
        String rent = jdbc.sql("SELECT rent FROM capital_lease_rental WHERE lease_id = :l AND period = 1").param("l", leaseId)
                .query(BigDecimal.class).single().toPlainString();
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(shown);
        assertThat(key.find()).isTrue();
        Map<String, String> pay = Map.of("_csrf", cn.chanrong.support.Workbench.csrf(shown), "idempotencyKey", key.group(1),
                "amount", rent);
        lessor.post("/leasing/" + leaseId + "/payments", pay);
        lessor.post("/leasing/" + leaseId + "/payments", pay);
        assertThat(jdbc.sql("SELECT count(*) FROM capital_lease_payment WHERE lease_id = :l").param("l", leaseId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(lessor.get("/leasing/" + leaseId).body()).contains("id=\"received\"", "id=\"tier\"");

        var bank = cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/leasing").body();
        assertThat(bank).doesNotContain("id=\"lease-form\"").doesNotContain(serial);
    }
}
