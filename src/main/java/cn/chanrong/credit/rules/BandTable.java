package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scoring bands per indicator, read from a CSV table with columns {@code indicator,lower,upper,points}:
 * lower inclusive, upper exclusive, an empty bound unbounded. The default table, {@value #DEFAULT_RESOURCE},
 * holds the 专精特新 bands the domain facts leave open as documented, configurable defaults.
 */
public final class BandTable {

    /** Classpath location of the default 专精特新 bands. */
    public static final String DEFAULT_RESOURCE = "/credit/specialised-sme-bands.csv";
    static final String HEADER = "indicator,lower,upper,points";

    private static final class Default {
        static final BandTable TABLE = load(DEFAULT_RESOURCE);
    }

    private final Map<String, List<Band>> bands;

    private BandTable(Map<String, List<Band>> bands) {
        this.bands = bands;
    }

    /** The default table, loaded once. */
    public static BandTable defaults() {
        return Default.TABLE;
    }

    /** Loads a table from a classpath resource. */
    public static BandTable load(String resource) {
        return parse(CsvRows.resourceLines(resource));
    }

    /** Parses table lines; rejects bad numbers and overlapping bands of one indicator. */
    public static BandTable parse(List<String> lines) {
        Map<String, List<Band>> byIndicator = new LinkedHashMap<>();
        for (String[] row : CsvRows.parse(lines, HEADER)) {
            IndicatorScore.requireKey(row[0], "indicator");
            Band band;
            try {
                band = Band.of(decimal(row[1]), decimal(row[2]), Integer.parseInt(row[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number in band row " + String.join(",", row), e);
            }
            List<Band> list = byIndicator.computeIfAbsent(row[0], k -> new ArrayList<>());
            for (Band existing : list) {
                if (existing.overlaps(band)) {
                    throw new IllegalArgumentException("overlapping bands for " + row[0] + ": "
                            + existing.label("") + " and " + band.label(""));
                }
            }
            list.add(band);
        }
        byIndicator.replaceAll((k, v) -> List.copyOf(v));
        return new BandTable(Map.copyOf(byIndicator));
    }

    private static BigDecimal decimal(String cell) {
        return cell.isEmpty() ? null : new BigDecimal(cell);
    }

    /** The indicators the table knows. */
    public Set<String> indicators() {
        return bands.keySet();
    }

    /** The bands of one indicator; fails for an unknown indicator so a typo cannot silently score 0. */
    public List<Band> bands(String indicator) {
        List<Band> list = bands.get(indicator);
        if (list == null) {
            throw new IllegalArgumentException("no bands for indicator " + indicator);
        }
        return list;
    }

    /** The band holding the value, if any. */
    public Optional<Band> find(String indicator, BigDecimal value) {
        return bands(indicator).stream().filter(b -> b.contains(value)).findFirst();
    }

    /** The most points any band of the indicator gives. */
    public int maxPoints(String indicator) {
        return bands(indicator).stream().mapToInt(Band::points).max().orElse(0);
    }
}
