package cn.chanrong.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.institution.domain.PolicyToolEligibilityTests;
import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Institution types are a closed list and a policy tool's participants are checked against the
 * effective-dated eligibility V47 seeds (FACTS §1): through the API, the workbench, the database and
 * the migration of yesterday's free text.
 */
@IntegrationTest
class PolicyToolEligibilityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    List<JavaMigration> javaMigrations;

    long register(String name, String type) {
        var created = Api.as(port, "admin").post("/api/v1/institutions", Map.of("creditCode", Fixtures.freshCreditCode("350100"),
                "name", name, "type", type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    Api.Response enrol(String lang, long institution, String tool, String from) {
        return Api.as(port, "admin").header("Accept-Language", lang).post("/api/v1/institutions/" + institution + "/policy-tools",
                Map.of("tool", tool, "validFrom", from));
    }

    @Test
    void a_city_commercial_bank_is_refused_the_tech_relending_with_the_names_of_who_may_take_part() {
        long city = register("测试城市商业银行股份有限公司", "CITY_COMMERCIAL_BANK");
        var zh = enrol("zh-CN", city, "TECH_RELENDING", "2025-01-01");
        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        assertThat(zh.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = zh.json().get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("institution.policy-tool.ineligible");
        assertThat(error.get("field").asString()).isEqualTo("tool");
        assertThat(error.get("message").asString()).contains("城市商业银行", "科技创新和技术改造再贷款", "2025-01-01",
                "政策性银行、大型国有商业银行、股份制商业银行").doesNotContain("CITY_COMMERCIAL_BANK", "TECH_RELENDING");
        var en = enrol("en", city, "TECH_RELENDING", "2025-01-01");
        assertThat(en.json().get("errors").get(0).get("message").asString())
                .contains("City commercial bank", "Tech-innovation and technological-transformation re-lending",
                        "Policy bank, Large state-owned bank, Joint-stock bank")
                .doesNotContainPattern("[\\u4e00-\\u9fff]");
        assertThat(jdbc.sql("SELECT count(*) FROM institution_policy_tool WHERE institution_id = :i").param("i", city)
                .query(Long.class).single()).as("nothing recorded").isZero();
        // the carbon tool is the national banks' too; small-business re-lending is the local banks' own
        assertThat(enrol("zh-CN", city, "CARBON_REDUCTION", "2024-01-01").status()).isEqualTo(422);
        assertThat(enrol("zh-CN", city, "SMALL_BUSINESS_RELENDING", "2024-01-01").status()).isEqualTo(201);
        assertThat(enrol("zh-CN", city, "REDISCOUNT", "2024-01-01").status()).isEqualTo(201);
    }

    @Test
    void a_national_bank_takes_part_from_the_day_the_tool_was_created_and_not_before() {
        long joint = register("测试股份制银行股份有限公司", "JOINT_STOCK_BANK");
        var early = enrol("en", joint, "TECH_RELENDING", "2024-04-06");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("errors").get(0).get("code").asString()).isEqualTo("institution.policy-tool.not-in-force");
        assertThat(early.json().get("errors").get(0).get("message").asString()).contains("2024-04-06",
                "Tech-innovation and technological-transformation re-lending");
        assertThat(enrol("en", joint, "TECH_RELENDING", "2024-04-07").status()).isEqualTo(201);
        assertThat(enrol("en", joint, "SMALL_BUSINESS_RELENDING", "2024-04-07").status()).isEqualTo(422);
        // the interest subsidy ends with 2026
        assertThat(enrol("en", joint, "EQUIPMENT_RENEWAL_SUBSIDY", "2027-01-01").status()).isEqualTo(422);
        assertThat(enrol("en", joint, "EQUIPMENT_RENEWAL_SUBSIDY", "2024-03-07").status()).isEqualTo(201);
    }

    @Test
    void the_eligibility_is_the_seeded_table_listed_filtered_and_paged_with_names() {
        Api bank = Api.as(port, "bank").header("Accept-Language", "en");
        var all = bank.get("/api/v1/institutions/policy-tool-eligibility?size=200");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Set<String> got = new TreeSet<>();
        for (JsonNode r : all.json().get("items")) {
            got.add(r.get("tool").asString() + " " + r.get("institutionType").asString() + " " + r.get("validFrom").asString()
                    + " " + (r.get("validTo").isNull() ? "-" : r.get("validTo").asString()));
            assertThat(r.get("source").asString()).hasSizeGreaterThan(20);
        }
        Set<String> expected = new TreeSet<>();
        PolicyToolEligibilityTests.SEEDED.forEach(r -> expected.add(r.tool() + " " + r.type() + " " + r.validFrom() + " "
                + (r.validTo() == null ? "-" : r.validTo())));
        assertThat(got).isEqualTo(expected);
        assertThat(all.json().get("total").asLong()).isEqualTo(expected.size());

        var relending = bank.get("/api/v1/institutions/policy-tool-eligibility?tool=TECH_RELENDING&on=2025-01-01").json();
        List<String> names = new ArrayList<>();
        relending.get("items").forEach(r -> names.add(r.get("institutionTypeName").asString()));
        assertThat(names).containsExactly("Policy bank", "Large state-owned bank", "Joint-stock bank");
        assertThat(relending.get("items").get(0).get("toolName").asString())
                .isEqualTo("Tech-innovation and technological-transformation re-lending");
        assertThat(bank.get("/api/v1/institutions/policy-tool-eligibility?tool=TECH_RELENDING&on=2024-04-06").json()
                .get("total").asLong()).isZero();
        List<String> cityTools = new ArrayList<>();
        bank.get("/api/v1/institutions/policy-tool-eligibility?institutionType=CITY_COMMERCIAL_BANK").json().get("items")
                .forEach(r -> cityTools.add(r.get("tool").asString()));
        assertThat(cityTools).containsExactlyInAnyOrder("SMALL_BUSINESS_RELENDING", "REDISCOUNT");
        var page = bank.get("/api/v1/institutions/policy-tool-eligibility?size=2&page=1").json();
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("totalPages").asLong()).isEqualTo((expected.size() + 1) / 2);
        var bad = bank.get("/api/v1/institutions/policy-tool-eligibility?tool=LOTTERY&on=yesterday");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").size()).isEqualTo(2);
    }

    @Test
    void the_closed_list_holds_the_enum_with_the_workbench_names_and_refuses_anything_else() throws Exception {
        Properties zh = messages("messages.properties");
        Properties en = messages("messages_en.properties");
        Map<String, String> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name_zh, name_en FROM institution_type ORDER BY code")
                .query(rs -> {
                    rows.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
                });
        Map<String, String> expected = new LinkedHashMap<>();
        for (InstitutionType t : InstitutionType.values()) {
            expected.put(t.name(), t.name(false) + "|" + t.name(true));
            assertThat(zh.getProperty("institution." + t.name())).as(t.name()).isEqualTo(t.name(false));
            assertThat(en.getProperty("institution." + t.name())).as(t.name()).isEqualTo(t.name(true));
        }
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(expected);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO institution (credit_code, name, type) VALUES (:c, '某银行', 'BANK')")
                .param("c", Fixtures.freshCreditCode("350100")).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_demo_enrols_a_national_bank_in_the_relending_and_no_longer_the_city_bank() {
        Map<String, String> relending = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT i.name, i.type FROM institution_policy_tool p JOIN institution i ON i.id = p.institution_id
                        WHERE p.tool = 'TECH_RELENDING' AND p.valid_from <= DATE '2026-06-30'
                          AND (p.valid_to IS NULL OR p.valid_to > DATE '2026-06-30') AND i.name NOT LIKE '测试%'""")
                .query(rs -> {
                    relending.put(rs.getString(1), rs.getString(2));
                });
        assertThat(relending).containsOnlyKeys("启元银行股份有限公司").containsValue("JOINT_STOCK_BANK");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM institution_branch b JOIN institution i ON i.id = b.institution_id
                        WHERE i.name = '启元银行股份有限公司' AND b.region_code LIKE '35%'""").query(Long.class).single())
                .as("a Fujian branch").isPositive();
        // no participation on the platform breaks the rule it is judged by
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM institution_policy_tool p JOIN institution i ON i.id = p.institution_id
                        WHERE NOT EXISTS (SELECT 1 FROM institution_policy_tool_eligibility e
                                          WHERE e.tool = p.tool AND e.institution_type = i.type AND e.valid_from <= p.valid_from
                                            AND (e.valid_to IS NULL OR e.valid_to > p.valid_from))""").query(Long.class).single())
                .isZero();
    }

    @Test
    void the_workbench_shows_type_and_tool_names_and_refuses_an_ineligible_enrolment_in_words() throws Exception {
        Workbench admin = Workbench.loggedIn(port, "admin");
        String page = admin.get("/admin/institutions?lang=zh").body();
        assertThat(page).contains("启元银行股份有限公司", "股份制商业银行", "科技创新和技术改造再贷款", "支小再贷款")
                .doesNotContain(">TECH_RELENDING", ">JOINT_STOCK_BANK", ">CITY_COMMERCIAL_BANK");
        long city = jdbc.sql("SELECT id FROM institution WHERE name = '闽江城市商业银行股份有限公司'").query(Long.class).single();
        var refused = admin.post("/admin/institutions/policy-tools", Map.of("_csrf", Workbench.csrf(page),
                "institutionId", String.valueOf(city), "tool", "TECH_RELENDING", "validFrom", "2026-01-01"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/institutions?lang=zh").body()).contains("城市商业银行不能参与科技创新和技术改造再贷款");
        String en = admin.get("/admin/institutions?lang=en").body();
        assertThat(en).contains("Joint-stock bank", "Tech-innovation and technological-transformation re-lending");
    }

    /**
     * The migration of free text: known spellings and labels become codes, participation the rule no
     * longer allows is set aside with its reason, and a value that names no type stops the migration with
     * the rows to fix, until they are fixed.
     */
    @Test
    void yesterdays_free_text_types_become_codes_and_an_unknown_one_stops_the_migration() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        DriverManagerDataSource own = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        String schema = "legacy_types_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClient legacy = JdbcClient.create(own);
        try {
            flyway(own, schema, "46").migrate();
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("城商行", "CITY_COMMERCIAL_BANK");
            typed.put("城市商业银行", "CITY_COMMERCIAL_BANK");
            typed.put("city_commercial_bank", "CITY_COMMERCIAL_BANK");
            typed.put(" Joint-Stock Bank ", "JOINT_STOCK_BANK");
            typed.put("joint stock bank", "JOINT_STOCK_BANK");
            typed.put("全国性股份制商业银行", "JOINT_STOCK_BANK");
            typed.put("POLICY_BANK", "POLICY_BANK");
            typed.put("农商行", "RURAL_COMMERCIAL_BANK");
            typed.put("农村信用社", "RURAL_COOPERATIVE");
            typed.put("国有大型商业银行", "LARGE_STATE_OWNED_BANK");
            typed.put("金融租赁", "FINANCIAL_LEASING");
            typed.put("Factoring company", "FACTORING");
            // a bank of no stated kind: the migration cannot choose one, the operator sets it (below)
            typed.put("BANK", "CITY_COMMERCIAL_BANK");
            Map<String, Long> ids = new LinkedHashMap<>();
            for (String t : typed.keySet()) {
                ids.put(t, legacy.sql("INSERT INTO " + schema + ".institution (credit_code, name, type) VALUES (:c, :n, :t) RETURNING id")
                        .param("c", Fixtures.freshCreditCode("350100")).param("n", "旧机构" + ids.size()).param("t", t)
                        .query(Long.class).single());
            }
            legacy.sql("INSERT INTO " + schema + ".institution_policy_tool (institution_id, tool, valid_from) VALUES (:i, 'TECH_RELENDING', '2025-01-01'), (:j, 'TECH_RELENDING', '2025-01-01')")
                    .param("i", ids.get("城商行")).param("j", ids.get("joint stock bank")).update();

            assertThatThrownBy(() -> flyway(own, schema, "47").migrate()).hasMessageContaining("'BANK'")
                    .hasMessageContaining("旧机构12");
            legacy.sql("UPDATE " + schema + ".institution SET type = 'CITY_COMMERCIAL_BANK' WHERE type = 'BANK'").update();
            flyway(own, schema, "47").migrate();

            ids.forEach((text, id) -> assertThat(legacy.sql("SELECT type FROM " + schema + ".institution WHERE id = :i")
                    .param("i", id).query(String.class).single()).as(text).isEqualTo(typed.get(text)));
            assertThat(legacy.sql("SELECT institution_id FROM " + schema + ".institution_policy_tool").query(Long.class).list())
                    .containsExactly(ids.get("joint stock bank"));
            assertThat(legacy.sql("SELECT institution_id || ' ' || tool || ' ' || reason FROM " + schema
                    + ".institution_policy_tool_set_aside").query(String.class).list())
                    .containsExactly(ids.get("城商行") + " TECH_RELENDING institution.policy-tool.ineligible");
        } finally {
            legacy.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    Flyway flyway(DataSource ds, String schema, String target) {
        return Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).target(target).load();
    }

    static Properties messages(String name) throws Exception {
        Properties p = new Properties();
        try (var in = PolicyToolEligibilityIntegrationTests.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
