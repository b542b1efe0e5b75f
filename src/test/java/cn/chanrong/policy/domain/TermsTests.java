package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTests {

    /** Terms as name=value pairs ({@code #} marks a whole number, {@code 'x'} text); the first problem as code:field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            re-lending as the PBOC set it in 2026   | TECH_RELENDING   | quotaYuan=1200000000000.00 ratePercent=1.25 sharePercent=60 termMonths=#12 rollovers=#2 | -
            a quota with three decimals             | TECH_RELENDING   | quotaYuan=1.001 ratePercent=1.25 sharePercent=60 termMonths=#12 rollovers=#2 | amount.scale:terms.quotaYuan
            a quota in exponent form                | TECH_RELENDING   | quotaYuan=1.2E12 ratePercent=1.25 sharePercent=60 termMonths=#12 rollovers=#2 | amount.format:terms.quotaYuan
            a rate over a hundred                   | TECH_RELENDING   | quotaYuan=1.00 ratePercent=101 sharePercent=60 termMonths=#12 rollovers=#2 | range:terms.ratePercent
            the rate as a number                    | TECH_RELENDING   | quotaYuan=1.00 ratePercent=#2 sharePercent=60 termMonths=#12 rollovers=#2 | policy.term.type:terms.ratePercent
            no term                                 | TECH_RELENDING   | quotaYuan=1.00 ratePercent=1.25 sharePercent=60 rollovers=#2 | required:terms.termMonths
            a term the kind lacks                   | REDISCOUNT       | maxTenorMonths=#6 subsidyPoints=1.5 | policy.term.unknown:terms.subsidyPoints
            a bill of seven months                  | REDISCOUNT       | maxTenorMonths=#13 | range:terms.maxTenorMonths
            the carbon tool without its quota       | CARBON_TOOL      | ratePercent=1.25 sharePercent=60 termMonths=#12 rollovers=#2 | -
            the subsidy as the MOF raised it        | CENTRAL_SUBSIDY  | subsidyPoints=1.5 maxYears=#2 validTo=2026-12-31 | -
            a subsidy until a day that is none      | CENTRAL_SUBSIDY  | subsidyPoints=1.5 maxYears=#2 validTo=2026-02-30 | date.format:terms.validTo
            20:40:20:20                             | GUARANTEE_SCHEME | feeTargetPercent=1 coveragePercent=80 bankSharePercent=20 agencySharePercent=40 reguarantorSharePercent=20 nationalFundSharePercent=20 | -
            Anhui's 4321 from the agency's side     | GUARANTEE_SCHEME | feeTargetPercent=1 coveragePercent=80 bankSharePercent=20 agencySharePercent=40 reguarantorSharePercent=30 nationalFundSharePercent=10 | -
            shares that do not add up               | GUARANTEE_SCHEME | feeTargetPercent=1 coveragePercent=80 bankSharePercent=20 agencySharePercent=40 reguarantorSharePercent=20 nationalFundSharePercent=10 | policy.term.shares:terms.bankSharePercent
            a bank that bears a tenth               | GUARANTEE_SCHEME | feeTargetPercent=1 coveragePercent=90 bankSharePercent=10 agencySharePercent=50 reguarantorSharePercent=20 nationalFundSharePercent=20 | policy.term.bank-share:terms.bankSharePercent
            a pool                                  | RISK_POOL        | sharePercent=50 capPerLoanYuan=2000000.00 capPerYearYuan=50000000.00 triggerDaysPastDue=#90 | -
            """)
    void terms_are_read_strictly_against_their_kind(String caseName, ProgrammeKind kind, String pairs, String expected) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (String kv : pairs.split(" ")) {
            String[] p = kv.split("=", 2);
            raw.put(p[0], p[1].startsWith("#") ? (Object) Integer.valueOf(p[1].substring(1)) : p[1]);
        }
        List<Rejection> problems = new ArrayList<>();
        Terms t = Terms.parse(kind, raw, problems);
        if (expected == null) {
            assertThat(problems).isEmpty();
            // what is stored reads back the same
            assertThat(Terms.parse(kind, t.stored(), new ArrayList<>())).isEqualTo(t);
        } else {
            assertThat(t).isNull();
            assertThat(problems.getFirst().code() + ":" + problems.getFirst().field()).isEqualTo(expected);
        }
    }

    @Test
    void money_and_rates_keep_their_text_exactly() {
        Terms t = Terms.parse(ProgrammeKind.TECH_RELENDING, Map.of("quotaYuan", "1200000000000.00", "ratePercent", "1.25",
                "sharePercent", "60", "termMonths", 12, "rollovers", 2), new ArrayList<>());
        assertThat(t.decimal("quotaYuan")).isEqualByComparingTo(new BigDecimal("1200000000000"));
        assertThat(t.stored()).containsEntry("ratePercent", "1.25").containsEntry("quotaYuan", "1200000000000.00")
                .containsEntry("termMonths", 12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            before the first version        | 2024-04-06 | -
            the first day                   | 2024-04-07 | 1
            the rate cut of 2025            | 2025-06-01 | 2
            the quota of 2026               | 2026-01-16 | 3
            the rate cut of 2026            | 2026-01-19 | 4
            later                           | 2026-12-07 | 4
            """)
    void the_version_in_force_is_the_latest_begun(String caseName, LocalDate day, Integer expected) {
        List<ProgrammeVersions.Version> versions = List.of(
                new ProgrammeVersions.Version(1, LocalDate.of(2024, 4, 7), null, Eligibility.ANY),
                new ProgrammeVersions.Version(2, LocalDate.of(2025, 5, 7), null, Eligibility.ANY),
                new ProgrammeVersions.Version(4, LocalDate.of(2026, 1, 19), null, Eligibility.ANY),
                new ProgrammeVersions.Version(3, LocalDate.of(2026, 1, 15), null, Eligibility.ANY));
        assertThat(ProgrammeVersions.inForce(versions, day).map(ProgrammeVersions.Version::version).orElse(null))
                .isEqualTo(expected);
    }

    @Test
    void eligibility_lists_are_checked_against_their_values() {
        List<Rejection> problems = new ArrayList<>();
        Eligibility ok = Eligibility.parse(Map.of("institutionTypes", List.of("JOINT_STOCK_BANK"), "listTypes",
                List.of("EQUIPMENT_RENEWAL"), "greenCodeRequired", true, "loansFrom", "2026-01-01"), Set.of("JOINT_STOCK_BANK"),
                problems);
        assertThat(problems).isEmpty();
        assertThat(ok.stored()).containsEntry("loansFrom", "2026-01-01").containsEntry("greenCodeRequired", true);
        assertThat(Eligibility.parse(ok.stored(), Set.of("JOINT_STOCK_BANK"), new ArrayList<>())).isEqualTo(ok);

        Eligibility bad = Eligibility.parse(Map.of("listTypes", List.of("ANY_LIST"), "regions", List.of("35x"),
                "loansFrom", "2026-02-01", "loansTo", "2026-01-01", "colour", "green"), Set.of(), problems);
        assertThat(bad).isNull();
        assertThat(problems).extracting(r -> r.code() + ":" + r.field()).containsExactlyInAnyOrder(
                "enum:eligibility.listTypes", "policy.eligibility.value:eligibility.regions",
                "policy.eligibility.period:eligibility.loansTo", "policy.eligibility.unknown:eligibility.colour");
    }
}
