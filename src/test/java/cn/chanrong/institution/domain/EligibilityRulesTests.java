package cn.chanrong.institution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EligibilityRulesTests {

    static Map<String, Object> facts(String size, long employees, double revenue, List<String> tags) {
        Map<String, Object> m = new HashMap<>(EligibilityRules.SAMPLE);
        m.put("sizeClass", size);
        m.put("employees", employees);
        m.put("annualRevenue", revenue);
        m.put("declaredChainTags", tags);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "e.sizeClass in ['MICRO', 'SMALL', 'MEDIUM']",
            "e.annualRevenue >= 10000000",
            "e.employees >= 20 && e.ageYears >= 2",
            "'MACHINE_TOOLS' in e.verifiedKeyChains || 'IC' in e.verifiedKeyChains",
            "e.declaredChainTags.exists(t, t in ['NEW_MATERIALS', 'ADVANCED_MATERIALS'])",
            "e.industryCode.startsWith('C34')",
            "e.regionCode.startsWith('35')",
            "e.verifiedQualifications.exists(q, q in ['SPECIALISED_SME', 'LITTLE_GIANT'])",
            "'SPECIALISED_SME' in e.declaredQualifications"})
    void well_formed_clauses_compile(String expression) {
        var c = EligibilityRules.compile(1, "规则", "rule", expression);
        assertThat(c.error()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"e.employees >", "e.employees", "e.unknownField > 3", "e.sizeClass == 3 +",
            "size(e.declaredChainTags) > 'x'", "f.employees > 1"})
    void malformed_clauses_are_refused_with_a_message(String expression) {
        var c = EligibilityRules.compile(1, "规则", "rule", expression);
        assertThat(c.ok()).isFalse();
        assertThat(c.error()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "SMALL | 120 | 56000000 | true",
            "LARGE | 2000 | 900000000 | false",
            "MICRO | 5 | 900000 | false"})
    void clauses_are_evaluated_one_by_one(String size, long employees, double revenue, boolean expected) {
        var clauses = List.of(
                EligibilityRules.compile(1, "中小微企业", "SME", "e.sizeClass in ['MICRO', 'SMALL', 'MEDIUM']").clause(),
                EligibilityRules.compile(2, "营收不低于1000万元", "Revenue at least 10 M", "e.annualRevenue >= 10000000").clause());
        var results = EligibilityRules.evaluate(clauses, facts(size, employees, revenue, List.of()));
        assertThat(results).hasSize(2);
        assertThat(results.stream().allMatch(EligibilityRules.ClauseResult::passed)).isEqualTo(expected);
        if (size.equals("LARGE")) {
            assertThat(results.get(0).passed()).isFalse();
            assertThat(results.get(1).passed()).isTrue();
        }
    }

    /** Status is verified or declared (issue 17 §4): the old names, which did not say which, are refused when saved. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"e.qualifications.exists(q, q == 'SPECIALISED_SME')", "size(e.chainTags) > 0"})
    void clauses_on_status_must_say_verified_or_declared(String expression) {
        assertThat(EligibilityRules.compile(1, "规则", "rule", expression).ok()).isFalse();
    }

    @Test
    void a_declared_qualification_does_not_pass_a_clause_on_verified_ones() {
        var clause = EligibilityRules.compile(1, "经认定的专精特新", "Verified specialised SME",
                "'SPECIALISED_SME' in e.verifiedQualifications").clause();
        Map<String, Object> declared = new HashMap<>(EligibilityRules.SAMPLE);
        declared.put("verifiedQualifications", List.of());
        declared.put("declaredQualifications", List.of("SPECIALISED_SME"));
        assertThat(EligibilityRules.evaluate(List.of(clause), declared).getFirst().passed()).isFalse();
        assertThat(EligibilityRules.evaluate(List.of(clause), EligibilityRules.SAMPLE).getFirst().passed()).isTrue();
    }
}
