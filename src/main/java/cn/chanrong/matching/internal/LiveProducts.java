package cn.chanrong.matching.internal;

import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductCatalogue;
import cn.chanrong.reference.BusinessDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The published products in effect, with where each institution is present (head office and branch
 * regions), held in memory so that ranking a need reads no product rows. Reloaded when the business
 * date moves or a product event arrives.
 */
@Component
class LiveProducts {

    /** A live product and the regions its institution is present in. */
    record Entry(Product product, List<String> regions) {
    }

    record Snapshot(LocalDate day, List<Entry> all, Map<Long, Entry> byId) {
    }

    private final ProductCatalogue catalogue;
    private final Institutions institutions;
    private final BusinessDate businessDate;
    private volatile Snapshot snapshot;

    LiveProducts(ProductCatalogue catalogue, Institutions institutions, BusinessDate businessDate) {
        this.catalogue = catalogue;
        this.institutions = institutions;
        this.businessDate = businessDate;
    }

    Snapshot get() {
        Snapshot s = snapshot;
        LocalDate today = businessDate.today();
        if (s == null || !s.day().equals(today)) {
            s = load(today);
            snapshot = s;
        }
        return s;
    }

    void invalidate() {
        snapshot = null;
    }

    private Snapshot load(LocalDate today) {
        Map<Long, List<String>> presence = new HashMap<>();
        List<Entry> all = new ArrayList<>();
        for (Product p : catalogue.live()) {
            List<String> regions = presence.computeIfAbsent(p.institutionId(), id -> {
                InstitutionDetails d = institutions.details(id);
                List<String> r = new ArrayList<>();
                if (d.headRegion() != null) {
                    r.add(d.headRegion());
                }
                d.branches().forEach(b -> r.add(b.regionCode()));
                return List.copyOf(r);
            });
            all.add(new Entry(p, regions));
        }
        Map<Long, Entry> byId = new HashMap<>();
        all.forEach(e -> byId.put(e.product().id(), e));
        return new Snapshot(today, List.copyOf(all), Map.copyOf(byId));
    }
}
