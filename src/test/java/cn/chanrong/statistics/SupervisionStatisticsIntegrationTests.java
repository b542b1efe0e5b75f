package cn.chanrong.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every headline figure of the dashboard recounted from the raw rows by its written definition
 * (docs/STATISTICS.md), the regional scope, and the public view's suppression and exports.
 */
@IntegrationTest
class SupervisionStatisticsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    BigDecimal sum(String sql, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("from", from).param("to", to).query(BigDecimal.class).optional()
                .orElse(BigDecimal.ZERO);
    }

    long count(String sql, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("from", from).param("to", to).query(Long.class).single();
    }

    static BigDecimal dec(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asString());
    }

    @Test
    void every_headline_figure_matches_a_recount_by_its_definition() {
        var refreshed = Api.as(port, "admin").post("/api/v1/statistics/refresh", null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode d = Api.as(port, "admin").get("/api/v1/statistics/dashboard").json();
        LocalDate asOf = LocalDate.parse(d.get("asOf").asString());
        LocalDate from = asOf.withDayOfYear(1);
        JsonNode h = d.get("headline");

        // cumulative disbursed and beneficiaries: disbursement transactions valued in the year to date
        String disbursements = " FROM loan_transaction t JOIN loan l ON l.id = t.loan_id WHERE t.type = 'DISBURSEMENT'"
                + " AND t.value_date BETWEEN :from AND :to";
        BigDecimal disbursed = sum("SELECT sum(t.amount)" + disbursements, from, asOf);
        long beneficiaries = count("SELECT count(DISTINCT l.borrower_id)" + disbursements, from, asOf);
        assertThat(disbursed.signum()).as("the demo lends this year").isPositive();
        assertThat(dec(h.get("disbursedAmount"))).isEqualByComparingTo(disbursed);
        assertThat(h.get("beneficiaries").asLong()).isEqualTo(beneficiaries);
        assertThat(dec(h.get("averagePerBeneficiary")))
                .isEqualByComparingTo(disbursed.divide(BigDecimal.valueOf(beneficiaries), 2, RoundingMode.HALF_UP));
        assertThat(h.get("firstLoanBorrowers").asLong()).isEqualTo(count(
                "SELECT count(DISTINCT l.borrower_id)" + disbursements + " AND l.first_loan", from, asOf));

        // balance: the subledger's principal outstanding on the as-of date; a year earlier from the transactions
        BigDecimal balance = sum("SELECT sum(principal_outstanding) FROM loan WHERE :from <= :to", from, asOf);
        assertThat(dec(h.get("balance"))).isEqualByComparingTo(balance);
        BigDecimal yearAgo = sum("""
                SELECT sum(CASE WHEN type = 'DISBURSEMENT' THEN amount ELSE -principal END) FROM loan_transaction
                WHERE value_date <= :to AND :from IS NOT NULL""", from, asOf.minusYears(1));
        assertThat(dec(h.get("balanceYearAgo"))).isEqualByComparingTo(yearAgo);
        assertThat(dec(h.get("mfgBalance"))).isEqualByComparingTo(sum("""
                SELECT sum(l.principal_outstanding) FROM loan l JOIN enterprise e ON e.id = l.borrower_id
                WHERE e.industry_code LIKE 'C%' AND :from <= :to""", from, asOf));
        BigDecimal mlt = sum("SELECT sum(principal_outstanding) FROM loan WHERE term_months > 12 AND :from <= :to", from, asOf);
        assertThat(dec(h.get("mltShare"))).isEqualByComparingTo(mlt.divide(balance, 4, RoundingMode.HALF_UP));
        BigDecimal npl = sum("""
                SELECT sum(principal_outstanding) FROM loan WHERE tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')
                AND :from <= :to""", from, asOf);
        assertThat(npl.signum()).as("the demo book has non-performing loans").isPositive();
        assertThat(dec(h.get("nplRatio"))).isEqualByComparingTo(npl.divide(balance, 4, RoundingMode.HALF_UP));
        assertThat(dec(h.get("exposureBalance"))).as("every loan counted once, on its obligor").isEqualByComparingTo(balance);
        // junior positions: loans whose pledge ranks behind another funder's senior claim (the demo's second pledge)
        BigDecimal junior = sum("""
                SELECT sum(l.principal_outstanding) FROM loan l WHERE EXISTS (SELECT 1 FROM loan_security s
                  WHERE s.loan_id = l.id AND s.priority_position > 1) AND :from <= :to""", from, asOf);
        assertThat(dec(h.get("juniorBalance"))).isEqualByComparingTo(junior);
        // the NPL of a province is counted on the obligor's region, its balance on the financed firm's
        JsonNode fujianRisk = cell(d.get("breakdowns").get("PROVINCE"), "350000").get("figures");
        assertThat(dec(fujianRisk.get("nplBalance"))).isEqualByComparingTo(sum("""
                SELECT sum(l.principal_outstanding) FROM loan l JOIN enterprise e ON e.id = coalesce(l.risk_obligor_id, l.borrower_id)
                WHERE e.region_code LIKE '35%' AND l.tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS') AND :from <= :to""", from, asOf));

        // needs published this year, matched (an institution interested), and amounts signed on pushed projects
        String needs = " FROM financing_need n WHERE n.published_on BETWEEN :from AND :to";
        assertThat(h.get("needs").asLong()).isEqualTo(count("SELECT count(*)" + needs, from, asOf));
        assertThat(dec(h.get("needAmount"))).isEqualByComparingTo(sum("SELECT sum(amount)" + needs, from, asOf));
        assertThat(h.get("matchedNeeds").asLong()).isEqualTo(count("SELECT count(*)" + needs
                + " AND EXISTS (SELECT 1 FROM need_interest i WHERE i.need_id = n.id)", from, asOf));
        assertThat(dec(h.get("signedAmount"))).isEqualByComparingTo(sum("""
                SELECT sum(p.signed_amount) FROM project_push p WHERE EXISTS (SELECT 1 FROM project_push_step s
                  WHERE s.item_id = p.item_id AND s.institution_id = p.institution_id AND s.status = 'SIGNED'
                  AND s.on_date BETWEEN :from AND :to)""", from, asOf));

        // one chain and one province, recounted the same way
        JsonNode tools = cell(d.get("breakdowns").get("CHAIN"), "MACHINE_TOOLS");
        assertThat(dec(tools.get("figures").get("disbursedAmount"))).isEqualByComparingTo(sum("SELECT sum(t.amount)"
                + disbursements + " AND EXISTS (SELECT 1 FROM enterprise_chain_tag c WHERE c.enterprise_id = l.borrower_id"
                + " AND c.tag = 'MACHINE_TOOLS')", from, asOf));
        JsonNode fujian = cell(d.get("breakdowns").get("PROVINCE"), "350000");
        assertThat(dec(fujian.get("figures").get("balance"))).isEqualByComparingTo(sum("""
                SELECT sum(l.principal_outstanding) FROM loan l JOIN enterprise e ON e.id = l.borrower_id
                WHERE e.region_code LIKE '35%' AND :from <= :to""", from, asOf));
        assertThat(d.get("institutions").asLong()).isEqualTo(count("SELECT count(*) FROM institution WHERE :from <= :to", from, asOf));

        // the series ends with the current month, whose balance is the as-of balance
        JsonNode series = d.get("series");
        assertThat(series.get(series.size() - 1).get("key").asString()).isEqualTo(asOf.toString().substring(0, 7));
        assertThat(dec(series.get(series.size() - 1).get("figures").get("balance"))).isEqualByComparingTo(balance);
    }

    static JsonNode cell(JsonNode cells, String key) {
        for (JsonNode c : cells) {
            if (c.get("key").asString().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + key + " in " + cells);
    }

    @Test
    void a_regional_regulator_sees_its_province_and_the_public_sees_no_small_cells() throws IOException {
        Api.as(port, "admin").post("/api/v1/statistics/refresh", null);
        JsonNode gd = Api.as(port, "regulator-gd").get("/api/v1/statistics/dashboard").json();
        assertThat(gd.get("scope").asString()).isEqualTo("440000");
        for (JsonNode p : gd.get("breakdowns").get("PROVINCE")) {
            assertThat(p.get("key").asString()).isEqualTo("440000");
        }
        assertThat(Api.as(port, "bank").get("/api/v1/statistics/dashboard").status()).isEqualTo(403);

        var pub = Api.anonymous(port).get("/api/v1/public/statistics");
        assertThat(pub.status()).isEqualTo(200);
        JsonNode o = pub.json();
        int min = o.get("minCell").asInt();
        assertThat(o.get("plans").size()).isZero();
        int suppressedAll = 0;
        for (var dim : o.get("breakdowns").properties()) {
            int hidden = 0;
            for (JsonNode c : dim.getValue()) {
                JsonNode f = c.get("figures");
                if (f.get("suppressed").asBoolean()) {
                    hidden++;
                    assertThat(f.get("disbursedAmount").isNull()).isTrue();
                    assertThat(f.get("balance").isNull()).isTrue();
                } else {
                    assertThat(f.get("contributors").asLong()).as(dim.getKey() + " " + c.get("key")).isGreaterThanOrEqualTo(min);
                }
            }
            if (dim.getValue().size() > 1) {
                assertThat(hidden).as("one lone hidden cell could be recovered from the total: " + dim.getKey()).isNotEqualTo(1);
            }
            suppressedAll += hidden;
        }
        assertThat(suppressedAll).as("the small demo economy has small cells").isPositive();

        var csv = Api.anonymous(port).header("Accept-Language", "zh").get("/api/v1/public/statistics/export?dimension=PROVINCE&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF代码,名称,注册企业");
        var xlsx = Api.anonymous(port).getBytes("/api/v1/public/statistics/export?dimension=CHAIN&format=xlsx");
        String sheet = null;
        String strings = null;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chanrong-", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry ws = zip.getEntry("xl/worksheets/sheet1.xml");
            ZipEntry ss = zip.getEntry("xl/sharedStrings.xml");
            sheet = ws == null ? null : new String(zip.getInputStream(ws).readAllBytes(), StandardCharsets.UTF_8);
            strings = ss == null ? null : new String(zip.getInputStream(ss).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(sheet).as("a real workbook with a worksheet").isNotNull().contains("<row");
        assertThat(strings).contains("MACHINE_TOOLS");
        var bad = Api.anonymous(port).header("Accept-Language", "en").get("/api/v1/public/statistics/export?dimension=PLANET&format=pdf");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("PLANET", "pdf");
    }
}
