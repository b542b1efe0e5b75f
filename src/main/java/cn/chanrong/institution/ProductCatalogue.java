package cn.chanrong.institution;

import java.util.List;
import java.util.Map;

/**
 * The published products in effect and their clauses, for system jobs that test many enterprises
 * against many products (precomputed matching). People ask through {@link Products#eligibility}.
 */
public interface ProductCatalogue {

    /** How one enterprise's facts came out against one product: the labels of the clauses it fails. */
    record Verdict(boolean eligible, List<String> failingZh, List<String> failingEn, int evaluations) {
    }

    /** Published products in effect on the business date. */
    List<Product> live();

    /** Evaluates the product's clauses (compiled once per product version) on {@code facts}. */
    default Verdict evaluate(Product product, Map<String, Object> facts) {
        return evaluate(product, facts, Integer.MAX_VALUE);
    }

    /** As {@link #evaluate(Product, Map)}, stopping once {@code maxFailures} clauses have failed. */
    Verdict evaluate(Product product, Map<String, Object> facts, int maxFailures);
}
