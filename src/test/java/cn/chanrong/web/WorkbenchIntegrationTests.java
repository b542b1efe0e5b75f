package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workbench through its real filter chain: form login, session, CSRF, both languages. */
@IntegrationTest
class WorkbenchIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void a_label_without_arguments_shows_its_apostrophe_once() {
        // the message files double every apostrophe for MessageFormat; labels without arguments go through it too
        assertThat(messages.getMessage("field.acceptJunior", null, java.util.Locale.ENGLISH))
                .contains("funder's").doesNotContain("''");
        assertThat(messages.getMessage("rejection.lending.institution-only", new Object[] {"x"}, java.util.Locale.ENGLISH))
                .contains("institution's");
    }

    @Test
    void a_wrong_password_is_refused_and_a_post_without_csrf_token_is_forbidden() throws Exception {
        Workbench b = new Workbench(port);
        String page = b.get("/login").body();
        var r = b.post("/login", Map.of("username", "admin", "password", "nope", "_csrf", Workbench.csrf(page)));
        assertThat(r.headers().firstValue("Location").orElse("")).contains("/login?error");
        var noToken = b.post("/login", Map.of("username", "admin", "password", "demo"));
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void the_registry_pages_speak_chinese_first_and_english_on_request() throws Exception {
        Workbench b = Workbench.loggedIn(port, "bank");
        var zh = b.get("/enterprises");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("企业名录").contains("福州精工数控机床有限公司").contains("小型");
        var en = b.get("/enterprises?lang=en");
        assertThat(en.body()).contains("Enterprise registry").contains("Small").doesNotContain("企业名录");
        assertThat(b.get("/enterprises").body()).as("the choice sticks").contains("Enterprise registry");
        var filtered = b.get("/enterprises?region=440300");
        assertThat(filtered.body()).contains("Shenzhen").doesNotContain("Fuzhou Precision");
    }

    @Test
    void an_enterprise_user_edits_the_profile_and_a_stale_form_is_refused_with_the_reason() throws Exception {
        Workbench b = Workbench.loggedIn(port, "enterprise");
        String list = b.get("/enterprises").body();
        Matcher m = Pattern.compile("href=\"/enterprises/(\\d+)\"").matcher(list);
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        String form = b.get("/enterprises/" + id + "/edit").body();
        Map<String, String> fields = new java.util.HashMap<>();
        for (String f : new String[] {"creditCode", "name", "nameEn", "regionCode", "industryCode", "foundingDate",
                "employees", "annualRevenue", "version"}) {
            Matcher v = Pattern.compile("name=\"" + f + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"" + f + "\"")
                    .matcher(form);
            assertThat(v.find()).as(f).isTrue();
            fields.put(f, org.springframework.web.util.HtmlUtils.htmlUnescape(v.group(1) != null ? v.group(1) : v.group(2)));
        }
        fields.put("ownership", "PRIVATE");
        fields.put("_csrf", Workbench.csrf(form));
        int employees = Integer.parseInt(fields.get("employees"));
        fields.put("employees", Integer.toString(employees + 1));
        var saved = b.post("/enterprises/" + id + "/edit", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(b.get("/enterprises/" + id).body()).contains(String.format("%,d", employees + 1));

        fields.put("employees", "abc");
        var bad = b.post("/enterprises/" + id + "/edit", fields);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("“abc”不是整数");

        fields.put("employees", Integer.toString(employees + 2));
        var stale = b.post("/enterprises/" + id + "/edit", fields);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("版本已过期");
        long refused = jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE action = 'enterprise.update' AND target_id = :id
                        AND outcome = 'REJECTED' AND detail LIKE '%version.stale@version%'""")
                .param("id", id).query(Long.class).single();
        assertThat(refused).as("a refused form is audited").isEqualTo(1);
    }

    @Test
    void names_with_markup_are_escaped_in_pages() throws Exception {
        Workbench admin = Workbench.loggedIn(port, "admin");
        var body = cn.chanrong.support.Fixtures.enterprise(cn.chanrong.support.Fixtures.freshCreditCode("350100"));
        body.put("name", "<b>粗体</b>机械厂");
        var created = cn.chanrong.support.Api.as(port, "admin").post("/api/v1/enterprises", body);
        String page = admin.get(created.header("Location").replace("/api/v1", "")).body();
        assertThat(page).contains("&lt;b&gt;粗体&lt;/b&gt;机械厂").doesNotContain("<b>粗体</b>");
    }
}
