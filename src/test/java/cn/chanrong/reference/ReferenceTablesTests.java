package cn.chanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our own industry and region tables: complete, consistent, bilingual — and, when ../shared is
 * present, matching the public tables code for code and name for name.
 */
class ReferenceTablesTests {

    static final Path SHARED = Path.of("../shared/data/reference");

    static List<String[]> ours(String resource) throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                ReferenceTablesTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(ReferenceTablesTests::split).toList();
        }
    }

    static String[] split(String line) {
        return cn.chanrong.shared.Csv.splitLine(line);
    }

    @Test
    void industry_table_has_every_level_with_parents_and_english_names() throws IOException {
        var rows = ours("reference/industry-gbt4754-2017.csv");
        Map<String, String[]> byCode = new HashMap<>();
        rows.forEach(r -> byCode.put(r[0], r));
        Map<String, Long> perLevel = new HashMap<>();
        for (String[] r : rows) {
            perLevel.merge(r[1], 1L, Long::sum);
            assertThat(r[4]).as("English name of %s", r[0]).isNotBlank().doesNotContainPattern("[\\u4e00-\\u9fff]");
            assertThat(r[3]).as("Chinese name of %s", r[0]).isNotBlank();
            if (!r[1].equals("1")) {
                assertThat(byCode).as("parent of %s", r[0]).containsKey(r[2]);
                assertThat(r[0]).startsWith(r[2]);
            }
        }
        assertThat(perLevel).containsEntry("1", 20L).containsEntry("2", 97L).containsEntry("3", 473L);
        assertThat(perLevel.get("4")).isBetween(1380L, 1381L);
        assertThat(byCode.get("C3973")[3]).isEqualTo("集成电路制造");
        assertThat(byCode.get("C3421")[3]).isEqualTo("金属切削机床制造");
        assertThat(byCode.get("I6520")[3]).isEqualTo("集成电路设计");
    }

    @Test
    void industry_names_match_the_public_table_when_present() throws IOException {
        Path file = SHARED.resolve("gbt4754_2017.csv");
        assumeTrue(Files.exists(file), "../shared/data/reference is not present: skipping the comparison");
        Map<String, String> ours = new HashMap<>();
        ours("reference/industry-gbt4754-2017.csv").forEach(r -> ours.put(r[0], r[3]));
        int compared = 0;
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] r = split(line);
            String code = r[1] + (r[4].isEmpty() ? (r[3].isEmpty() ? r[2] : r[3]) : r[4]);
            if (r[0].equals("3") && !r[3].isEmpty() && ours.containsKey(code)
                    && !ours.get(code).equals(r[5].strip()) && r[4].isEmpty()) {
                continue; // the public table lists class 3741 as a second group row
            }
            assertThat(ours).as("code %s", code).containsKey(code);
            assertThat(ours.get(code)).as("name of %s", code).isEqualTo(r[5].strip());
            compared++;
        }
        assertThat(compared).isGreaterThan(1700);
    }

    @Test
    void region_table_is_bilingual_and_matches_the_public_table_when_present() throws IOException {
        Map<String, String> ours = new HashMap<>();
        for (String[] r : ours("reference/regions-gbt2260.csv")) {
            assertThat(r[0]).matches("[0-9]{6}");
            assertThat(r[4]).isNotBlank();
            ours.put(r[0], r[3]);
        }
        assertThat(ours).containsEntry("440000", "广东省").containsEntry("440300", "深圳市").containsEntry("350100", "福州市");
        Path provinces = SHARED.resolve("regions/provinces.csv");
        assumeTrue(Files.exists(provinces), "../shared/data/reference is not present: skipping the comparison");
        int compared = 0;
        for (String file : List.of("regions/provinces.csv", "regions/cities.csv")) {
            List<String> lines = Files.readAllLines(SHARED.resolve(file));
            for (String line : lines.subList(1, lines.size())) {
                String[] r = split(line);
                String code = (r[0] + "000000").substring(0, 6);
                assertThat(ours).as("region %s", code).containsEntry(code, r[1]);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(370);
    }
}
