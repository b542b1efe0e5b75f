package cn.chanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ReferenceApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReferenceData reference;

    @Test
    void the_lpr_in_force_is_the_latest_fixing_on_or_before_the_date() {
        assertThat(reference.lpr(LprTenor.ONE_YEAR, LocalDate.of(2024, 7, 21))).contains(new BigDecimal("3.4500"));
        assertThat(reference.lpr(LprTenor.ONE_YEAR, LocalDate.of(2024, 7, 22))).contains(new BigDecimal("3.3500"));
        assertThat(reference.lpr(LprTenor.OVER_FIVE_YEARS, LocalDate.of(2025, 9, 30))).contains(new BigDecimal("3.5000"));
        assertThat(reference.lpr(LprTenor.ONE_YEAR, LocalDate.of(2020, 1, 1))).isEmpty();
        var api = Api.as(port, "bank").get("/api/v1/reference/lpr?date=2024-11-01").json();
        assertThat(api.get("oneYear").decimalValue()).isEqualByComparingTo("3.10");
        assertThat(api.get("overFiveYears").decimalValue()).isEqualByComparingTo("3.60");
        assertThat(api.get("history").size()).isEqualTo(10);
    }

    @Test
    void holidays_and_make_up_days_decide_working_days() {
        assertThat(reference.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday worked for Spring Festival").isTrue();
        assertThat(reference.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival").isFalse();
        assertThat(reference.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday of the holiday").isFalse();
        assertThat(reference.addWorkingDays(LocalDate.of(2026, 2, 15), 0)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(reference.addWorkingDays(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(reference.addWorkingDays(LocalDate.of(2025, 9, 26), 1)).as("Sunday 28 Sep was worked")
                .isEqualTo(LocalDate.of(2025, 9, 28));
        var days = Api.as(port, "enterprise").get("/api/v1/reference/calendar?from=2026-09-30&to=2026-10-10").json();
        assertThat(days.size()).isEqualTo(11);
        assertThat(days.get(1).get("workingDay").asBoolean()).isFalse();
        assertThat(days.get(1).get("note").asString()).isEqualTo("国庆节");
        assertThat(days.get(10).get("workingDay").asBoolean()).as("Saturday 10 Oct worked").isTrue();
        assertThat(Api.as(port, "enterprise").get("/api/v1/reference/calendar?from=2026-01-01&to=2027-06-01").status())
                .isEqualTo(422);
    }

    @Test
    void code_tables_are_searchable_in_both_languages() {
        var lathes = Api.as(port, "bank").get("/api/v1/reference/industries?parent=C342&level=4").json();
        assertThat(lathes.get("items").get(0).get("code").asString()).isEqualTo("C3421");
        var byName = Api.as(port, "bank").get("/api/v1/reference/industries?q=" + java.net.URLEncoder.encode("集成电路",
                java.nio.charset.StandardCharsets.UTF_8) + "&size=50").json();
        assertThat(byName.get("items").findValuesAsString("code")).contains("C3973", "I6520");
        var english = Api.as(port, "bank").get("/api/v1/reference/industries?q=machine%20tools&size=50").json();
        assertThat(english.get("total").asLong()).isPositive();
        var guangdong = Api.as(port, "bank").get("/api/v1/reference/regions?parent=440000&size=50").json();
        assertThat(guangdong.get("total").asLong()).isEqualTo(21);
        assertThat(reference.region("440305")).map(Region::code).contains("440300");
        assertThat(reference.region("449900")).isEmpty();
        assertThat(reference.industry("C3421")).map(Industry::nameEn).contains("Manufacture of metal-cutting machine tools");
    }
}
