package cn.chanrong.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.enterprise.domain.StatusRules.Held;
import cn.chanrong.enterprise.domain.StatusRules.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verified or declared status (issue 17 §4): what each status gives on a day. */
class StatusRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    /**
     * One status held, and whether on {@link #DAY} it is verified, declared or nothing: declared buys
     * nothing, verified within validity buys, an expired or not-yet-valid list row gives nothing.
     */
    @ParameterizedTest(name = "{0} {1} {2}..{3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // a list row within its validity verifies
            "SPECIALISED_SME | LIST         | 2024-03-01 | 2027-03-01 | VERIFIED",
            // a regulator's confirmation verifies
            "INNOVATIVE_SME  | CONFIRMATION | 2026-01-01 | -          | VERIFIED",
            // what the enterprise typed is declared, however official its issuer text
            "SPECIALISED_SME | DECLARATION  | 2024-03-01 | 2027-03-01 | DECLARED",
            // expired: valid_to is exclusive
            "HIGH_TECH       | LIST         | 2023-06-30 | 2026-06-30 | NONE",
            "HIGH_TECH       | LIST         | 2023-07-01 | 2026-07-01 | VERIFIED",
            // not yet valid
            "LITTLE_GIANT    | LIST         | 2026-07-01 | 2029-07-01 | NONE",
            "LITTLE_GIANT    | LIST         | 2026-06-30 | 2029-06-30 | VERIFIED",
            // an expired declaration is nothing either
            "SPECIALISED_SME | DECLARATION  | 2021-01-01 | 2024-01-01 | NONE"})
    void a_status_is_verified_only_from_a_list_or_a_confirmation_within_its_validity(QualificationType type, Source source,
                                                                                   LocalDate from, LocalDate to,
                                                                                   String expected) {
        var s = StatusRules.on(DAY, List.of(new Held(type, source, "发证机关", "文号", from, to)), List.of());
        String got = s.verified().contains(type) ? "VERIFIED" : s.declared().contains(type) ? "DECLARED" : "NONE";
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void a_status_both_declared_and_verified_counts_as_verified_only() {
        var s = StatusRules.on(DAY, List.of(
                new Held(QualificationType.SPECIALISED_SME, Source.DECLARATION, "企业自填", null, LocalDate.of(2024, 3, 1), null),
                new Held(QualificationType.SPECIALISED_SME, Source.LIST, "福建省工业和信息化厅", "闽工信函〔2024〕56号",
                        LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1))), List.of());
        assertThat(s.verified()).containsExactly(QualificationType.SPECIALISED_SME);
        assertThat(s.declared()).isEmpty();
    }

    /**
     * Chain tags and the key-chain list: only the eight key chains of measure (一) are key chains, and
     * they are verified only with a verified 链主 / key-chain enterprise list row that day.
     */
    @ParameterizedTest(name = "{0} with key-chain list {1} -> verified key chains [{2}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "IC;NEW_GEN_IT                     | LIST        | IC",
            "MACHINE_TOOLS;HIGH_END_EQUIPMENT  | LIST        | MACHINE_TOOLS",
            // emerging and future industries are never key chains
            "HIGH_END_EQUIPMENT                | LIST        | -",
            "NEW_MATERIALS;FUTURE_MATERIALS    | LIST        | -",
            // 基础软件和工业软件 (emerging) is not the key chains 基础软件 / 工业软件
            "SOFTWARE                          | LIST        | -",
            "BASIC_SOFTWARE;INDUSTRIAL_SOFTWARE | LIST       | BASIC_SOFTWARE;INDUSTRIAL_SOFTWARE",
            // a declared key-chain tag, or a declared 链主, buys nothing
            "IC                                | -           | -",
            "IC                                | DECLARATION | -",
            // an expired key-chain list row neither
            "IC                                | EXPIRED     | -"})
    void a_key_chain_is_one_of_the_eight_and_verified_by_the_key_chain_list(String tags, String leader, String expected) {
        List<ChainTag> chainTags = Arrays.stream(tags.split(";")).map(String::strip).map(ChainTag::valueOf).toList();
        List<Held> held = leader == null ? List.of() : List.of(leader.equals("EXPIRED")
                ? new Held(QualificationType.CHAIN_LEADER, Source.LIST, "工业和信息化部", "文号", LocalDate.of(2023, 1, 1),
                        LocalDate.of(2026, 1, 1))
                : new Held(QualificationType.CHAIN_LEADER, Source.valueOf(leader), "工业和信息化部", "文号",
                        LocalDate.of(2024, 1, 1), null));
        var s = StatusRules.on(DAY, held, chainTags);
        Set<String> want = expected == null ? Set.of()
                : Arrays.stream(expected.split(";")).map(String::strip).collect(Collectors.toSet());
        assertThat(s.verifiedKeyChains().stream().map(Enum::name).collect(Collectors.toSet())).isEqualTo(want);
        assertThat(s.declaredChains()).containsExactlyInAnyOrderElementsOf(chainTags);
    }

    @Test
    void the_eight_key_chains_are_those_of_measure_one() {
        assertThat(StatusRules.keyChains().stream().map(t -> t.name(false)).toList())
                .containsExactly("集成电路", "工业母机", "医疗装备", "服务器", "仪器仪表", "基础软件", "工业软件", "先进材料");
    }

    /** loan_tag.key_chain reads enterprise_key_chain_tag_view, whose list in V43 must be the eight. */
    @Test
    void the_key_chain_view_names_the_eight_key_chains() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V43__verified_status.sql"));
        Matcher m = Pattern.compile("CREATE VIEW enterprise_key_chain_tag_view AS[^;]*tag IN \\(([^)]*)\\)").matcher(sql);
        assertThat(m.find()).isTrue();
        Set<String> inView = Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("'", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inView).isEqualTo(StatusRules.keyChains().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "专精特新 | SPECIALISED_SME", "SPECIALISED_SME | SPECIALISED_SME", "specialised_sme | SPECIALISED_SME",
            "小巨人 | LITTLE_GIANT", "高新技术企业 | HIGH_TECH", "链主 | CHAIN_LEADER", "重点产业链企业 | CHAIN_LEADER",
            "首台套 | FIRST_SET", "绿色工厂 | GREEN_FACTORY", "科技型中小企业 | -", "TECH_SME | -"})
    void lists_are_named_by_their_stable_code_or_chinese_name(String cell, StatusList expected) {
        assertThat(StatusList.parse(cell).orElse(null)).isEqualTo(expected);
    }

    /** A row's every wrong cell is named by its field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ok           | 专精特新 | 福建省工业和信息化厅 | 闽工信函〔2024〕56号 | 91350100MA2XYKL000 | 2024-03-01 | 2027-03-01 | -",
            "no end       | 链主     | 工业和信息化部       | 工信部产业链〔2024〕8号 | 91350100MA2XYKL000 | 2024-01-01 | -          | -",
            "unknown list | 单项冠军 | 工业和信息化部       | 文号                | 91350100MA2XYKL000 | 2024-01-01 | -          | enum@list",
            "no issuer    | 小巨人   | -                    | 文号                | 91350100MA2XYKL000 | 2024-01-01 | -          | required@issuer",
            "no document  | 小巨人   | 工业和信息化部       | -                   | 91350100MA2XYKL000 | 2024-01-01 | -          | required@document",
            "bad code     | 小巨人   | 工业和信息化部       | 文号                | 91350100MA2XYKL001 | 2024-01-01 | -          | credit-code.check@creditCode",
            "bad date     | 小巨人   | 工业和信息化部       | 文号                | 91350100MA2XYKL000 | 2024-13-01 | -          | date.format@validFrom",
            "reversed     | 小巨人   | 工业和信息化部       | 文号                | 91350100MA2XYKL000 | 2024-01-01 | 2024-01-01 | range.reversed@validTo"})
    void a_list_row_is_checked_cell_by_cell(String name, String list, String issuer, String document, String code, String from,
                                            String to, String expected) {
        String valid = cn.chanrong.shared.CreditCode.complete(code.substring(0, 17)).value();
        String cc = name.equals("bad code") ? code.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1') : valid;
        var o = StatusListEntry.check(new StatusListEntry.Input(list, issuer, document, cc, from, to));
        assertThat(o.rejections().stream().map(r -> r.code() + "@" + r.field()).toList())
                .isEqualTo(expected == null ? List.of() : List.of(expected));
    }
}
