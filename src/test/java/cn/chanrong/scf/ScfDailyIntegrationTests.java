package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A voucher whose issuer lets maturity pass unpaid goes overdue in the daily pass, and its funder is
 * alerted with the recourse the discount agreed.
 */
@IntegrationTest
class ScfDailyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vouchers vouchers;

    long idOf(String column, String user) {
        return jdbc.sql("SELECT " + column + " FROM app_user WHERE username = :u").param("u", user).query(Long.class)
                .single();
    }

    @Test
    void a_voucher_unpaid_at_maturity_goes_overdue_its_funder_is_alerted_and_a_late_payment_settles_it() {
        long coreId = idOf("enterprise_id", "core");
        long smeId = idOf("enterprise_id", "enterprise");
        long bank = idOf("institution_id", "bank");
        Caller core = new Caller("core", Role.ENTERPRISE, coreId, null, null, null, Set.of());
        Caller sme = new Caller("enterprise", Role.ENTERPRISE, smeId, null, null, null, Set.of());
        var v = vouchers.issue(core, new Vouchers.IssueRequest(smeId, new BigDecimal("50000.00"), "2026-09-28", false, List.of(),
                "采购合同 DAILY-1"));
        long root = vouchers.get(core, v.id()).parts().get(0).id();
        var discounted = vouchers.discount(sme, root, new Vouchers.DiscountRequest(bank, "3.00", "采购合同 DAILY-1",
                true));
        assertThat(discounted.part().recourse()).isTrue();
        assertThat(discounted.loanId()).isPositive();
        // test setup: the voucher's maturity moved into the past (the business date cannot move in tests)
        jdbc.sql("UPDATE scf_voucher SET issued_on = DATE '2026-03-01', maturity = DATE '2026-06-29' WHERE id = :id")
                .param("id", v.id()).update();

        assertThat(Api.as(port, "regulator").post("/api/v1/scf/daily-pass", null).status()).isEqualTo(403);
        var pass = Api.as(port, "admin").post("/api/v1/scf/daily-pass", null);
        assertThat(pass.status()).as(pass.body()).isEqualTo(200);
        assertThat(pass.json().get("vouchersOverdue").toString()).contains(v.number());
        assertThat(jdbc.sql("SELECT status FROM scf_voucher WHERE id = :id").param("id", v.id()).query(String.class)
                .single()).isEqualTo("OVERDUE");
        assertThat(jdbc.sql("SELECT detail FROM scf_alert WHERE kind = 'VOUCHER_OVERDUE' AND institution_id = :b"
                        + " AND subject LIKE :s").param("b", bank).param("s", "voucher:" + v.number() + "%")
                .query(String.class).list()).singleElement().asString()
                .contains("50000.00 of the discounted parts overdue").contains("recourse to the discounting holder as agreed");
        // a second pass finds nothing more to do for it
        var again = Api.as(port, "admin").post("/api/v1/scf/daily-pass", null);
        assertThat(again.json().get("vouchersOverdue").toString()).doesNotContain(v.number());

        // the issuer pays late: more than is unpaid is refused; paying it settles the voucher and the funder's loan
        Api issuer = Api.as(port, "core").header("Accept-Language", "en");
        assertThat(issuer.post("/api/v1/vouchers/" + v.id() + "/late-payments", java.util.Map.of("amount", "60000.00"))
                .status()).isEqualTo(422);
        var paid = issuer.post("/api/v1/vouchers/" + v.id() + "/late-payments", java.util.Map.of("amount", "50000.00"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("voucher").get("status").asString()).isEqualTo("SETTLED");
        assertThat(new java.math.BigDecimal(paid.json().get("shortfall").asString())).isZero();
        assertThat(new java.math.BigDecimal(paid.json().get("lines").get(0).get("applied").asString())).isPositive();
        assertThat(jdbc.sql("SELECT status FROM loan WHERE id = :l").param("l", discounted.loanId()).query(String.class)
                .single()).isEqualTo("REPAID");
        assertThat(jdbc.sql("SELECT count(*) FROM scf_alert WHERE kind = 'VOUCHER_OVERDUE' AND subject LIKE :s"
                        + " AND cleared_on IS NULL").param("s", "voucher:" + v.number() + "%").query(Long.class).single())
                .isZero();
        assertThat(vouchers.conservation(v.id())).isEmpty();
        assertThat(issuer.post("/api/v1/vouchers/" + v.id() + "/late-payments", java.util.Map.of("amount", "1.00"))
                .status()).isEqualTo(409);
    }
}
