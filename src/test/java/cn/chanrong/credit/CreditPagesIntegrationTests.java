package cn.chanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Data credit in the workbench: the enterprise answers a request, the bank opens the report and decides, admins read models. */
@IntegrationTest
class CreditPagesIntegrationTests {

    @LocalServerPort
    int port;

    static Map<String, String> form(String page, String... pairs) {
        Map<String, String> m = new HashMap<>();
        m.put("_csrf", Workbench.csrf(page));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void the_bank_asks_the_enterprise_grants_and_the_bank_reads_the_report_and_decides() throws Exception {
        long core = Api.as(port, "core").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
        Workbench bank = Workbench.loggedIn(port, "bank2");
        String closed = bank.get("/credit/enterprises/" + core).body();
        assertThat(closed).contains("没有企业" + core + "的有效资金流数据授权", "发送授权申请").doesNotContain("id=\"score\"");
        var asked = bank.post("/credit/consents", form(closed, "enterpriseId", Long.toString(core), "periodFrom", "2024-01-01",
                "periodTo", java.time.LocalDate.now().toString(), "expiresOn", java.time.LocalDate.now().plusMonths(1).toString()));
        assertThat(asked.statusCode()).isEqualTo(302);

        Workbench enterprise = Workbench.loggedIn(port, "core");
        String own = enterprise.get("/credit").body();
        assertThat(own).contains("数据信用报告", "扣分原因", "如何提高评分", "待答复", "chart-flows");
        String grant = own.replaceAll("(?s).*action=\"(/credit/consents/\\d+/grant)\".*", "$1");
        assertThat(grant).startsWith("/credit/consents/");
        assertThat(enterprise.post(grant, form(own)).statusCode()).isEqualTo(302);

        String open = bank.get("/credit/enterprises/" + core).body();
        assertThat(open).contains("id=\"score\"", "运行授信决策", "模型输入");
        var decided = bank.post("/credit/decisions", form(open, "enterpriseId", Long.toString(core), "amount", "800000", "months", "12",
                "purpose", "WORKING_CAPITAL"));
        assertThat(decided.statusCode()).isEqualTo(302);
        String after = bank.get("/credit/enterprises/" + core).body();
        assertThat(after).contains("id=\"decision\"", "建议额度");
        assertThat(bank.get("/credit").body()).contains("授信决策", "已同意");
    }

    @Test
    void administrators_see_the_model_registry_with_validation_and_ownership() throws Exception {
        Workbench admin = Workbench.loggedIn(port, "admin");
        String list = admin.get("/credit").body();
        assertThat(list).contains("模型库", "冠军模型", "model-developer");
        String first = list.replaceAll("(?s).*href=\"(/credit/models/\\d+)\".*", "$1");
        String detail = admin.get(first).body();
        assertThat(detail).contains("验证报告", "跨时间", "按所有制比较", "民营", "评分卡");
    }
}
