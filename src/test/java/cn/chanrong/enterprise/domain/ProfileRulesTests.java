package cn.chanrong.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    final ProfileRules rules = new ProfileRules(Set.of("350100", "440300")::contains, Set.of("C3421", "I6513")::contains);

    static ProfileRules.Input input(String code, String region, String industry, String founded, Integer staff,
                                    String revenue, String override) {
        return new ProfileRules.Input(code, "福州测试机床有限公司", null, region, industry, "PRIVATE", founded, staff,
                revenue == null ? null : new BigDecimal(revenue), override);
    }

    @Test
    void a_good_profile_is_typed_and_derived() {
        var out = rules.check(input("91350100M000100Y43", "350100", "C3421", "2019-01-01", 120, "56000000", null), false, TODAY);
        assertThat(out.rejections()).isEmpty();
        assertThat(out.profile().annualRevenue()).isEqualByComparingTo("56000000.00");
        assertThat(out.profile().sizeClass()).isEqualTo(SizeClass.SMALL);
        assertThat(out.profile().growthStage(TODAY)).isEqualTo(GrowthStage.GROWTH);
    }

    @Test
    void every_bad_field_is_named_at_once() {
        var out = rules.check(input("91350100M000100Y44", "990000", "C34", "2027-01-01", -1, "1.234", null), false, TODAY);
        assertThat(out.rejections()).extracting(Rejection::field)
                .containsExactly("creditCode", "regionCode", "industryCode", "foundingDate", "employees", "annualRevenue");
        assertThat(out.rejections()).extracting(Rejection::code)
                .containsExactly("credit-code.check", "region-code.unknown", "industry-code.format", "date.future", "range",
                        "amount.scale");
    }

    @Test
    void unknown_industry_class_and_malformed_values_are_rejected() {
        // A revenue that is no number ("12a") never reaches the rules: the edge reads it (ImportIntegrationTests).
        var out = rules.check(input("91350100M000100Y43", "3501", "C9999", "2019-13-01", 1, "12", null), false, TODAY);
        assertThat(out.rejections()).extracting(Rejection::code)
                .containsExactly("region-code.format", "industry-code.unknown", "date.format");
    }

    @Test
    void the_revenue_is_required_at_most_two_decimals_and_within_bounds() {
        assertThat(rules.check(input("91350100M000100Y43", "350100", "C3421", "2019-01-01", 1, null, null), false, TODAY)
                .rejections()).extracting(Rejection::code, Rejection::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("required", "annualRevenue"));
        assertThat(rules.check(input("91350100M000100Y43", "350100", "C3421", "2019-01-01", 1, "-1", null), false, TODAY)
                .rejections()).extracting(Rejection::code).containsExactly("range");
        assertThat(rules.check(input("91350100M000100Y43", "350100", "C3421", "2019-01-01", 1, "1000000000000000.01", null),
                false, TODAY).rejections()).extracting(Rejection::code).containsExactly("range");
        var trailingZeros = rules.check(input("91350100M000100Y43", "350100", "C3421", "2019-01-01", 1, "12.500", null),
                false, TODAY);
        assertThat(trailingZeros.ok()).isTrue();
        assertThat(trailingZeros.profile().annualRevenue()).hasToString("12.50");
    }

    @Test
    void a_pilot_code_failing_its_check_needs_an_administrator_and_a_reason() {
        var code = "91350100M000100Y40";
        assertThat(rules.check(input(code, "350100", "C3421", "2019-01-01", 1, "1", null), true, TODAY).rejections())
                .extracting(Rejection::code).containsExactly("credit-code.check");
        assertThat(rules.check(input(code, "350100", "C3421", "2019-01-01", 1, "1", "pilot code 2014"), false, TODAY)
                .rejections()).extracting(Rejection::code).containsExactly("credit-code.override-forbidden");
        assertThat(rules.check(input(code, "350100", "C3421", "2019-01-01", 1, "1", "ok"), true, TODAY)
                .rejections()).extracting(Rejection::code).containsExactly("credit-code.override-reason");
        var accepted = rules.check(input(code, "350100", "C3421", "2019-01-01", 1, "1", "pilot code 2014"), true, TODAY);
        assertThat(accepted.ok()).isTrue();
        assertThat(accepted.profile().creditCodeOverride()).isEqualTo("pilot code 2014");
    }

    @Test
    void an_override_never_excuses_a_wrong_alphabet() {
        var out = rules.check(input("91350100M00010OY43", "350100", "C3421", "2019-01-01", 1, "1", "pilot code"), true, TODAY);
        assertThat(out.rejections()).extracting(Rejection::code).containsExactly("credit-code.alphabet");
    }

    ProfileRules.Outcome withProducts(java.util.List<String> products) {
        ProfileRules.Input in = input("91350100M000100Y43", "350100", "C3421", "2019-01-01", 120, "56000000", null);
        return rules.check(new ProfileRules.Input(in.creditCode(), in.name(), in.nameEn(), in.regionCode(), in.industryCode(),
                in.ownership(), in.foundingDate(), in.employees(), in.annualRevenue(), null, products), false, TODAY);
    }

    @Test
    void main_products_are_trimmed_deduplicated_and_bounded_and_left_unstated_when_not_given() {
        assertThat(withProducts(null).profile().mainProducts()).as("not stated: the products held are kept").isNull();
        assertThat(withProducts(java.util.List.of(" 数控车床 ", "", "CNC Lathe", "cnc lathe", "数控车床")).profile().mainProducts())
                .containsExactly("数控车床", "CNC Lathe");
        java.util.List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "产品" + i).toList();
        assertThat(withProducts(eleven).rejections()).extracting(Rejection::code).containsExactly("enterprise.main-products.count");
        assertThat(withProducts(java.util.List.of("长".repeat(51))).rejections()).extracting(Rejection::code, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("enterprise.main-product.length", "mainProducts"));
    }
}
