package cn.chanrong.institution;

import java.util.List;
import java.util.Map;

/**
 * Whether an enterprise meets a product's clauses, clause by clause. {@code facts} is filled only
 * for callers entitled to see the enterprise's values (the enterprise itself, administrators).
 */
public record Eligibility(long productId, long enterpriseId, boolean eligible, List<ClauseOutcome> clauses,
                          List<String> failing, Map<String, Object> facts) {

    public record ClauseOutcome(int seq, String label, boolean passed) {
    }
}
