package cn.chanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import cn.chanrong.identity.Users;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 §7: the restricted-industry catalogue comes in as CSV from the issuing departments, whole or
 * not at all, effective-dated, each row with its document; anyone logged in reads it. Every keyword here
 * carries a fresh suffix, so no other test's enterprise ever matches these entries.
 */
@IntegrationTest
class RestrictedListIntegrationTests {

    static final String CATALOGUE = "产业结构调整指导目录（2024年本）";
    static final String DOCUMENT = "国家发展改革委令2023年第7号";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    Api.Response post(String user, byte[] csv, String query) {
        return Api.as(port, user).header("Accept-Language", "en").postBytes("/api/v1/restricted-lists" + query, "text/csv", csv);
    }

    long rows(String item) {
        return jdbc.sql("SELECT count(*) FROM ref_restricted_entry WHERE item = :i").param("i", item).query(Long.class).single();
    }

    static String row(String category, String itemNo, String item, String industry, String products, String processes,
                      String from, String to) {
        return String.join(",", CATALOGUE, DOCUMENT, category, itemNo, item, industry, products, processes, from, to) + "\n";
    }

    @Test
    void a_good_file_is_imported_once_re_imported_unchanged_and_listed_by_category_industry_and_day() {
        String s = suffix();
        String csv = RestrictedLists.COLUMNS + "\n"
                + row("淘汰类", "一（十）4-" + s, "含氰电镀工艺" + s, "C3360", "", "含氰电镀" + s, "2024-02-01", "")
                + row("RESTRICTED", "十一 25-" + s, "普通高速钢丝锥项目" + s, "C3321", "普通高速钢丝锥" + s + "；普通高速钢板牙" + s, "",
                "2024-02-01", "")
                + row("限制类", "旧 1-" + s, "旧目录条目" + s, "C33", "旧产品" + s, "", "2020-01-01", "2024-02-01");
        var first = post("regulator-miit", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        long importId = first.json().get("importId").asLong();
        var again = post("admin", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.json().get("created").asInt()).isZero();

        Api bank = Api.as(port, "bank").header("Accept-Language", "en");
        JsonNode taps = bank.get("/api/v1/restricted-lists?industry=C3321&asOf=2025-06-30&size=100").json();
        JsonNode mine = null;
        for (JsonNode e : taps.get("items")) {
            if (e.get("item").asString().equals("普通高速钢丝锥项目" + s)) {
                mine = e;
            }
            assertThat(e.get("industryCode").asString()).as("at, above or below C3321").satisfiesAnyOf(
                    c -> assertThat("C3321").startsWith(c), c -> assertThat(c).startsWith("C3321"));
        }
        assertThat(mine).as(taps.toString()).isNotNull();
        assertThat(mine.get("category").asString()).isEqualTo("RESTRICTED");
        assertThat(mine.get("categoryName").asString()).isEqualTo("restricted");
        assertThat(mine.get("document").asString()).isEqualTo(DOCUMENT);
        assertThat(mine.get("industryName").asString()).isEqualTo("Manufacture of cutting tools");
        assertThat(mine.get("products").toString()).contains("普通高速钢丝锥" + s, "普通高速钢板牙" + s);
        assertThat(mine.get("importId").asLong()).as("an unchanged row keeps its import").isEqualTo(importId);
        assertThat(mine.get("importedBy").asString()).isEqualTo("regulator-miit");

        String old = "旧目录条目" + s;
        assertThat(count(bank, "category=限制类&industry=C33&asOf=2025-06-30", old)).as("ended before the day").isZero();
        assertThat(count(bank, "category=RESTRICTED&industry=C33&asOf=2023-06-30", old)).isEqualTo(1);
        assertThat(count(bank, "category=ELIMINATED&industry=C3360", "含氰电镀工艺" + s)).isEqualTo(1);
        assertThat(count(bank, "category=ELIMINATED&industry=C3321", "含氰电镀工艺" + s)).as("C3360 is not under C3321").isZero();
        assertThat(bank.get("/api/v1/restricted-lists?category=鼓励类").status()).isEqualTo(422);
        assertThat(bank.get("/api/v1/restricted-lists?industry=C3%25").status()).isEqualTo(422);
        assertThat(bank.get("/api/v1/restricted-lists?asOf=2025-13-01").status()).isEqualTo(422);

        // ending an entry is a re-import with its end date
        var ended = post("regulator-miit", (RestrictedLists.COLUMNS + "\n" + row("淘汰类", "一（十）4-" + s, "含氰电镀工艺" + s,
                "C3360", "", "含氰电镀" + s, "2024-02-01", "2025-01-01")).getBytes(StandardCharsets.UTF_8), "");
        assertThat(ended.json().get("updated").asInt()).as(ended.body()).isEqualTo(1);
        assertThat(count(bank, "industry=C3360&asOf=2025-06-30", "含氰电镀工艺" + s)).isZero();
    }

    long count(Api api, String query, String item) {
        JsonNode page = api.get("/api/v1/restricted-lists?size=100&" + query).json();
        long n = 0;
        for (JsonNode e : page.get("items")) {
            n += e.get("item").asString().equals(item) ? 1 : 0;
        }
        return n;
    }

    @Test
    void a_file_with_bad_rows_is_refused_whole_naming_every_row_field_and_rule() {
        String s = suffix();
        String csv = RestrictedLists.COLUMNS + "\n"
                + row("淘汰类", "1-" + s, "好条目" + s, "C3360", "", "含氰电镀" + s, "2024-02-01", "")
                + row("鼓励类", "2-" + s, "坏类别" + s, "C3360", "", "", "2024-02-01", "")
                + row("限制类", "3-" + s, "坏行业" + s, "C3999", "灯", "", "2024-02-01", "2024-01-01")
                + row("淘汰类", "1-" + s, "重复" + s, "C3360", "", "含氰电镀" + s, "2024-02-01", "");
        var r = post("regulator-miit", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        JsonNode e = r.json().get("errors");
        StringBuilder seen = new StringBuilder();
        e.forEach(x -> seen.append(x.get("line").asInt()).append(' ').append(x.get("column").asString()).append(' ')
                .append(x.get("code").asString()).append('\n'));
        assertThat(seen.toString()).isEqualTo("""
                3 category enum
                4 industry_code restricted.industry-unknown
                4 products restricted.keyword
                4 valid_to range.reversed
                5 item_no import.duplicate-key
                """);
        assertThat(e.get(0).get("field").asString()).isEqualTo("category");
        assertThat(e.get(0).get("message").asString()).contains("鼓励类");
        assertThat(rows("好条目" + s)).as("nothing of the file is kept").isZero();

        var header = post("regulator-miit", ("catalogue,document\n" + CATALOGUE + "," + DOCUMENT + "\n")
                .getBytes(StandardCharsets.UTF_8), "");
        assertThat(header.status()).isEqualTo(422);
        assertThat(header.body()).contains("csv.missing-column", "item_no");
    }

    @Test
    void gbk_is_read_when_declared() {
        String s = suffix();
        byte[] gbk = (RestrictedLists.COLUMNS + "\n" + row("限制类", "11-" + s, "中低压碳钢阀门项目" + s, "C3443",
                "中低压碳钢阀门" + s, "", "2024-02-01", "")).getBytes(Charset.forName("GBK"));
        var undeclared = post("regulator-miit", gbk, "");
        assertThat(undeclared.status()).isEqualTo(422);
        assertThat(undeclared.json().get("errors").get(0).get("code").asString()).isEqualTo("csv.looks-gbk");
        var declared = post("regulator-miit", gbk, "?encoding=GBK");
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(rows("中低压碳钢阀门项目" + s)).isEqualTo(1);
    }

    long enterprise(String user, String name) {
        String q = name == null ? "" : "?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);
        return Api.as(port, user).get("/api/v1/enterprises" + q).json().get("items").get(0).get("id").asLong();
    }

    @Test
    void the_demo_catalogue_catches_f15_s_taps_and_spares_the_sme_and_the_core() throws Exception {
        var admin = cn.chanrong.support.Workbench.loggedIn(port, "admin");
        String f15 = admin.get("/enterprises/" + enterprise("admin", "宁波甬港数控刀具有限公司")).body();
        assertThat(f15).contains("id=\"restricted\"", "data-category=\"RESTRICTED\"", "普通高速钢钻头、铣刀、锯片、丝锥、板牙项目",
                "普通高速钢丝锥", DOCUMENT);
        assertThat(admin.get("/enterprises/" + enterprise("enterprise", null)).body()).contains("id=\"main-products\"")
                .doesNotContain("id=\"restricted\"");
        assertThat(admin.get("/enterprises/" + enterprise("core", null)).body()).contains("大功率电牵引采煤机")
                .doesNotContain("id=\"restricted\"");
    }

    @Test
    void the_issuing_departments_and_administrators_import_and_no_one_else() {
        String s = suffix();
        String ndrc = "ndrc-" + s;
        users.create(new UserDraft(ndrc, "demo", "国家发展改革委产业司", Role.REGULATOR, null, null, Set.of(), "NDRC", null),
                Caller.system("test"));
        byte[] csv = (RestrictedLists.COLUMNS + "\n" + row("淘汰类", "9-" + s, "权限测试" + s, "C33", "", "测试工艺" + s,
                "2024-02-01", "")).getBytes(StandardCharsets.UTF_8);
        assertThat(post("regulator", csv, "").status()).as("PBOC").isEqualTo(403);
        assertThat(post("regulator-fj", csv, "").status()).as("NFRA").isEqualTo(403);
        assertThat(post("bank", csv, "").status()).isEqualTo(403);
        assertThat(post("enterprise", csv, "").status()).isEqualTo(403);
        assertThat(rows("权限测试" + s)).isZero();
        var r = post(ndrc, csv, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String by = jdbc.sql("""
                        SELECT i.imported_by FROM ref_restricted_entry r JOIN ref_restricted_import i ON i.id = r.import_id
                        WHERE r.item = :i""").param("i", "权限测试" + s).query(String.class).single();
        assertThat(by).isEqualTo(ndrc);
        assertThat(Api.as(port, "enterprise").get("/api/v1/restricted-lists").status()).as("public to every login").isEqualTo(200);
    }
}
