package cn.chanrong.institution;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;

/**
 * CSV import of products with their eligibility clauses, keyed by product code: all-or-nothing,
 * and a re-import of the same files changes nothing. Administrators import for any institution,
 * an institution's operator for its own.
 */
public interface ProductImports {

    String PRODUCT_COLUMNS = "product_code,institution_credit_code,name,name_en,type,min_amount,max_amount,"
            + "min_term_months,max_term_months,pricing,spread_min_bp,spread_max_bp,fixed_rate_percent,security,"
            + "target_chains,target_sizes,status";
    String CLAUSE_COLUMNS = "product_code,seq,label_zh,label_en,expression";

    ImportReport importProducts(Caller caller, byte[] products, byte[] clauses, String charset);
}
