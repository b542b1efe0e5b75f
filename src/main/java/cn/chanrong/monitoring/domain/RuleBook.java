package cn.chanrong.monitoring.domain;

import java.util.Comparator;
import java.util.List;

/**
 * The live rule versions and which is in force (pure): for a loan of institution {@code i} and product
 * {@code p} on day {@code d}, each rule's row is the one with the narrowest scope that has one in force —
 * the institution's row for the product, else the institution's row for all its products, else the
 * platform's — and, within that scope, the latest {@code effectiveFrom} on or before {@code d} (a later
 * version of the same day wins). A rule with no row in force keeps its shipped default.
 */
public final class RuleBook {

    /** A live row: institution null for the platform's, product null for all of the institution's products. */
    public record Row(String code, int version, Long institution, Long product, int effectiveFrom, Rules.Params params) {
    }

    private final List<Row> rows;

    public RuleBook(List<Row> rows) {
        // latest first, so the first row that fits a scope is the one in force
        this.rows = rows.stream().sorted(Comparator.comparingInt(Row::effectiveFrom).thenComparingInt(Row::version).reversed())
                .toList();
    }

    /** The live rows, latest first. */
    public List<Row> rows() {
        return rows;
    }

    /** The rules in force for a loan of {@code institution}'s product {@code product} on epoch day {@code day}. */
    public Rules at(long institution, Long product, int day) {
        Rules r = Rules.DEFAULT;
        for (String code : Rules.CODES) {
            Row row = inForce(code, institution, product, day);
            if (row != null) {
                r = r.with(row.params());
            }
        }
        return r;
    }

    /** The row of rule {@code code} in force, or null (the shipped default). */
    public Row inForce(String code, long institution, Long product, int day) {
        Row institutionWide = null;
        Row platform = null;
        for (Row row : rows) {
            if (!row.code().equals(code) || row.effectiveFrom() > day) {
                continue;
            }
            if (row.institution() == null) {
                if (platform == null) {
                    platform = row;
                }
            } else if (row.institution() == institution) {
                if (row.product() == null) {
                    if (institutionWide == null) {
                        institutionWide = row;
                    }
                } else if (row.product().equals(product)) {
                    return row;
                }
            }
        }
        return institutionWide != null ? institutionWide : platform;
    }

    /** The row of rule {@code code} in force in exactly this scope (institution and product, either null), or null. */
    public Row inScope(String code, Long institution, Long product, int day) {
        for (Row row : rows) {
            if (row.code().equals(code) && row.effectiveFrom() <= day && java.util.Objects.equals(row.institution(), institution)
                    && java.util.Objects.equals(row.product(), product)) {
                return row;
            }
        }
        return null;
    }

    /**
     * This book as if {@code draft} had always been the version of its rule in its scope (a back-test asks what
     * it would have raised): the scope's other versions of the rule go, the wider and narrower scopes stay.
     */
    public RuleBook trying(Row draft) {
        var all = new java.util.ArrayList<Row>();
        for (Row row : rows) {
            if (!(row.code().equals(draft.code()) && java.util.Objects.equals(row.institution(), draft.institution())
                    && java.util.Objects.equals(row.product(), draft.product()))) {
                all.add(row);
            }
        }
        all.add(new Row(draft.code(), draft.version(), draft.institution(), draft.product(), Integer.MIN_VALUE, draft.params()));
        return new RuleBook(all);
    }
}
