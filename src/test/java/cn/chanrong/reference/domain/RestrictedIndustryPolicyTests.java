package cn.chanrong.reference.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.reference.domain.RestrictedIndustryPolicy.Use;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which catalogue entry applies to an enterprise and what it forbids: 淘汰类 refuses every credit, 限制类 a
 * new project only; a product entry needs a matching main product, a whole-industry entry does not; the
 * industry code is a prefix; only entries in force count.
 */
class RestrictedIndustryPolicyTests {

    static final LocalDate DAY = LocalDate.of(2025, 6, 30);
    static final String CATALOGUE = "产业结构调整指导目录（2024年本）";

    static RestrictedEntry entry(RestrictedCategory category, String itemNo, String industry, List<String> products,
                                 List<String> processes, LocalDate from, LocalDate to) {
        return new RestrictedEntry(CATALOGUE, "国家发展改革委令2023年第7号", category, itemNo, "条目" + itemNo, industry,
                products, processes, from, to);
    }

    static final LocalDate START = LocalDate.of(2024, 2, 1);

    /** The catalogue every row is decided against. */
    static final List<RestrictedEntry> ENTRIES = List.of(
            entry(RestrictedCategory.RESTRICTED, "R-taps", "C3321", List.of("普通高速钢丝锥", "普通高速钢板牙"), List.of(), START, null),
            entry(RestrictedCategory.ELIMINATED, "E-cyanide", "C33", List.of(), List.of("含氰电镀"), START, null),
            entry(RestrictedCategory.RESTRICTED, "R-valves", "C3443", List.of(), List.of(), START, null),
            entry(RestrictedCategory.ELIMINATED, "E-lamps", "C387", List.of("P0级白炽灯"), List.of(), START, null),
            entry(RestrictedCategory.RESTRICTED, "R-abrasive", "C30", List.of("棕刚玉"), List.of(), START, null),
            entry(RestrictedCategory.ELIMINATED, "E-ended", "C3099", List.of("绿碳化硅"), List.of(), START, LocalDate.of(2025, 1, 1)),
            entry(RestrictedCategory.ELIMINATED, "E-later", "C3099", List.of("黑碳化硅"), List.of(), LocalDate.of(2026, 1, 1), null),
            entry(RestrictedCategory.RESTRICTED, "R-mining", "C3511", List.of("800千瓦及以下采煤机"), List.of(), START, null));

    @ParameterizedTest(name = "{0} {1} {2} → {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # class | main products (;)                      | use         | rule                          | entry
            C3321   | 数控硬质合金刀片;M8普通高速钢丝锥            | NEW_PROJECT | RESTRICTED_NO_NEW_PROJECT     | R-taps
            C3321   | 数控硬质合金刀片;M8普通高速钢丝锥            | OTHER       | RESTRICTED_EXISTING_CAPACITY  | R-taps
            C3321   | 数控硬质合金刀片                             | NEW_PROJECT | -                             | -
            C3321   | 丝锥                                         | NEW_PROJECT | -                             | -
            C3321   | -                                            | NEW_PROJECT | -                             | -
            C3321   | 普通高速钢丝锥;镀锌件（含氰电镀）             | OTHER       | ELIMINATED_NO_CREDIT          | E-cyanide
            C3360   | 含氰电镀加工                                 | OTHER       | ELIMINATED_NO_CREDIT          | E-cyanide
            C3360   | 无氰镀锌                                     | OTHER       | -                             | -
            C3443   | -                                            | NEW_PROJECT | RESTRICTED_NO_NEW_PROJECT     | R-valves
            C3443   | 高压锻钢闸阀                                 | OTHER       | RESTRICTED_EXISTING_CAPACITY  | R-valves
            C3444   | 中低压碳钢阀门                               | NEW_PROJECT | -                             | -
            C3872   | ｐ０级白炽灯                                 | OTHER       | ELIMINATED_NO_CREDIT          | E-lamps
            C3099   | 棕刚玉磨料                                   | NEW_PROJECT | RESTRICTED_NO_NEW_PROJECT     | R-abrasive
            C3099   | 绿碳化硅                                     | OTHER       | -                             | -
            C3099   | 黑碳化硅                                     | OTHER       | -                             | -
            C3511   | 智能化综采成套装备;大功率电牵引采煤机         | NEW_PROJECT | -                             | -
            C3511   | 600千瓦及以下采煤机;800千瓦及以下采煤机       | NEW_PROJECT | RESTRICTED_NO_NEW_PROJECT     | R-mining
            C3421   | 数控立式加工中心                             | NEW_PROJECT | -                             | -
            """)
    void the_entry_that_applies_and_what_it_forbids(String industry, String products, Use use, String rule, String item) {
        List<String> mainProducts = products == null ? List.of() : Arrays.asList(products.split(";"));
        Optional<RestrictedIndustryPolicy.Verdict> v = RestrictedIndustryPolicy.decide(industry, mainProducts, ENTRIES, DAY, use);
        if (rule == null) {
            assertThat(v).isEmpty();
            return;
        }
        assertThat(v).isPresent();
        assertThat(v.get().rule().name()).isEqualTo(rule);
        assertThat(v.get().entry().itemNo()).isEqualTo(item);
        assertThat(v.get().refuses()).isEqualTo(!rule.equals("RESTRICTED_EXISTING_CAPACITY"));
    }

    @Test
    void the_match_names_the_product_or_none_for_a_whole_industry_entry() {
        var taps = RestrictedIndustryPolicy.applying("C3321", List.of(" 普通高速钢丝锥（M6） "), ENTRIES, DAY);
        assertThat(taps).hasSize(1);
        assertThat(taps.getFirst().product()).isEqualTo("普通高速钢丝锥（M6）");
        var valves = RestrictedIndustryPolicy.applying("C3443", List.of(), ENTRIES, DAY);
        assertThat(valves).extracting(m -> m.entry().itemNo()).containsExactly("R-valves");
        assertThat(valves.getFirst().product()).isNull();
    }

    @Test
    void an_eliminated_entry_decides_before_a_restricted_one_and_a_product_match_before_a_whole_industry() {
        var both = RestrictedIndustryPolicy.applying("C3321", List.of("普通高速钢丝锥", "含氰电镀件"), ENTRIES, DAY);
        assertThat(both).extracting(m -> m.entry().itemNo()).containsExactly("E-cyanide", "R-taps");
        List<RestrictedEntry> two = List.of(
                entry(RestrictedCategory.RESTRICTED, "whole", "C34", List.of(), List.of(), START, null),
                entry(RestrictedCategory.RESTRICTED, "product", "C3443", List.of("碳钢阀门"), List.of(), START, null));
        assertThat(RestrictedIndustryPolicy.applying("C3443", List.of("中低压碳钢阀门"), two, DAY))
                .extracting(m -> m.entry().itemNo()).containsExactly("product", "whole");
    }

    @Test
    void nothing_applies_without_entries_or_without_an_industry() {
        assertThat(RestrictedIndustryPolicy.decide("C3321", List.of("普通高速钢丝锥"), List.of(), DAY, Use.NEW_PROJECT)).isEmpty();
        assertThat(RestrictedIndustryPolicy.decide(null, List.of("普通高速钢丝锥"), ENTRIES, DAY, Use.NEW_PROJECT)).isEmpty();
        assertThat(RestrictedIndustryPolicy.verdict(null, Use.OTHER)).isEmpty();
    }
}
