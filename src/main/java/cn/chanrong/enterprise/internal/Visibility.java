package cn.chanrong.enterprise.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import java.util.HashMap;
import java.util.Map;

/**
 * The tenant predicate of enterprise queries, from the one rule for public profiles: administrators
 * and institutions see every profile; a regional regulator those registered in its region (province
 * or prefecture); an enterprise user only their own enterprise.
 */
record Visibility(String predicate, Map<String, Object> params) {

    /** Profiles over alias {@code e}: the registry reads its own region column. */
    private static final ReadScope PROFILES = ReadScope.regulated().enterpriseWhen("e.id = :sc_ent")
            .regionCode("e.region_code").institutionsSeeAll();

    static Visibility of(Caller c) {
        Map<String, Object> params = new HashMap<>();
        String predicate = PROFILES.where(c, params);
        return new Visibility(predicate, Map.copyOf(params));
    }
}
