package cn.chanrong.institution;

/**
 * Institutions and published products in bulk for benchmarks: banks with a head office and branches
 * in one province, products mostly serving that province (some nationwide), each with two or three
 * clauses drawn from a realistic set. Inserted set-based; clauses compile when first evaluated.
 */
public interface SyntheticCatalogue {

    /** Adds the institutions and products; returns the products added. */
    long generate(int institutions, int products, long seed);
}
