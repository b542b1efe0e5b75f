package cn.chanrong.institution;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.util.Locale;

/**
 * Financing products: institution operators create and edit their own; administrators any.
 * Everyone sees published products; an institution also sees its own drafts and withdrawn ones.
 */
public interface Products {

    Product create(Caller caller, ProductDraft draft);

    Product update(Caller caller, long id, ProductDraft draft, int expectedVersion, boolean fromIfMatch);

    Product publish(Caller caller, long id);

    Product withdraw(Caller caller, long id);

    Product get(Caller caller, long id);

    Page<Product> search(Caller caller, ProductFilter filter, PageRequest page);

    Eligibility eligibility(Caller caller, long productId, long enterpriseId, Locale locale);

    /** Filters: type, status, chain tag targeted, institution. */
    record ProductFilter(String type, String status, String chainTag, Long institutionId) {
    }
}
