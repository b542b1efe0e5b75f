package cn.chanrong.matching.internal;

import cn.chanrong.enterprise.EnterpriseChainTagsChanged;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFacts;
import cn.chanrong.enterprise.EnterpriseProfileChanged;
import cn.chanrong.enterprise.EnterpriseQualificationsChanged;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductCatalogue;
import cn.chanrong.institution.ProductEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Eligibility of every enterprise with a need against every live product, kept in
 * {@code need_eligibility}: computed when a need is published, recomputed for an enterprise when its
 * profile, chain tags or qualifications change, and for a product when it is published or withdrawn.
 * A product's targets (chains, sizes, stages, regions) count as conditions like its clauses. The
 * listeners rewrite whole rows from current facts, so a redelivered event changes nothing.
 */
@Component
class EligibilityIndex {

    private static final cn.chanrong.shared.Wording WORDS = cn.chanrong.shared.Wording.of("matching");

    static final int CHUNK = 500;

    private final EligibilityStore store;
    private final EnterpriseDetails details;
    private final ProductCatalogue catalogue;
    private final LiveProducts live;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    EligibilityIndex(EligibilityStore store, EnterpriseDetails details, ProductCatalogue catalogue, LiveProducts live,
                     org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.store = store;
        this.details = details;
        this.catalogue = catalogue;
        this.live = live;
    }

    /** One enterprise's row: the eligible products and the near misses with the one condition missed. */
    record Row(long enterpriseId, List<Long> eligible, Map<Long, String[]> near, long evaluations) {
    }

    /**
     * The conditions a product's targets set, failed ones as [中文, English] labels. A target chain is the market a
     * product is aimed at and is met by a declared chain tag; a clause that should buy on a key chain names
     * {@code e.verifiedKeyChains}.
     */
    static List<String[]> targetFailures(Product p, EnterpriseFacts f) {
        List<String[]> out = new ArrayList<>();
        if (!p.targetChains().isEmpty() && p.targetChains().stream().noneMatch(f.declaredChainTags()::contains)) {
            out.add(label("target.chain"));
        }
        if (!p.targetSizes().isEmpty() && !p.targetSizes().contains(f.sizeClass())) {
            out.add(label("target.size"));
        }
        if (!p.targetStages().isEmpty() && !p.targetStages().contains(f.growthStage())) {
            out.add(label("target.stage"));
        }
        return out;
    }

    private static String[] label(String key) {
        return new String[] {WORDS.zh(key), WORDS.en(key)};
    }

    /** A province code (xx0000) covers its prefectures and counties, a prefecture (xxxx00) its counties. */
    static boolean inRegion(String enterpriseRegion, String target) {
        if (target.endsWith("0000")) {
            return enterpriseRegion.startsWith(target.substring(0, 2));
        }
        if (target.endsWith("00")) {
            return enterpriseRegion.startsWith(target.substring(0, 4));
        }
        return enterpriseRegion.equals(target);
    }

    /**
     * A product serving other regions is out of reach, not a near miss: it is skipped before anything
     * else. Then target failures; clauses are evaluated only while at most one condition has failed.
     */
    static Row evaluate(EnterpriseFacts f, List<LiveProducts.Entry> products, ProductCatalogue catalogue) {
        List<Long> eligible = new ArrayList<>();
        Map<Long, String[]> near = new LinkedHashMap<>();
        long evaluations = 0;
        Map<String, Object> cel = f.asCelMap();
        for (LiveProducts.Entry e : products) {
            Product p = e.product();
            if (!p.targetRegions().isEmpty() && p.targetRegions().stream().noneMatch(r -> inRegion(f.regionCode(), r))) {
                continue;
            }
            List<String[]> failed = targetFailures(p, f);
            if (failed.size() > 1) {
                continue;
            }
            ProductCatalogue.Verdict v = catalogue.evaluate(p, cel, 2 - failed.size());
            evaluations += v.evaluations();
            for (int i = 0; i < v.failingZh().size(); i++) {
                failed.add(new String[] {v.failingZh().get(i), v.failingEn().get(i)});
            }
            if (failed.isEmpty()) {
                eligible.add(p.id());
            } else if (failed.size() == 1) {
                near.put(p.id(), failed.get(0));
            }
        }
        return new Row(f.enterpriseId(), eligible, near, evaluations);
    }

    /** Recomputes the rows of these enterprises against every live product; returns the clause evaluations. */
    long refreshEnterprises(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<LiveProducts.Entry> products = live.get().all();
        long evaluations = 0;
        for (EnterpriseFacts f : details.factsOf(ids).values()) {
            Row r = evaluate(f, products, catalogue);
            store.write(r);
            evaluations += r.evaluations();
        }
        return evaluations;
    }

    /** Every enterprise with an open need, in parallel chunks; returns the clause evaluations. */
    long recomputeAll() {
        live.invalidate();
        List<Long> ids = store.enterprisesWithOpenNeeds();
        List<LiveProducts.Entry> products = live.get().all();
        AtomicLong evaluations = new AtomicLong();
        int chunks = (ids.size() + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            List<Long> part = ids.subList(c * CHUNK, Math.min(ids.size(), (c + 1) * CHUNK));
            List<Row> rows = new ArrayList<>(part.size());
            for (EnterpriseFacts f : details.factsOf(part).values()) {
                Row r = evaluate(f, products, catalogue);
                rows.add(r);
                evaluations.addAndGet(r.evaluations());
            }
            tx.executeWithoutResult(st -> rows.forEach(store::write));
        });
        return evaluations.get();
    }

    /** Re-evaluates one product for every enterprise that has a row. */
    long refreshProduct(long productId) {
        live.invalidate();
        LiveProducts.Entry entry = live.get().byId().get(productId);
        List<Long> ids = store.indexedEnterprises();
        long evaluations = 0;
        for (int c = 0; c < ids.size(); c += CHUNK) {
            List<Long> part = ids.subList(c, Math.min(ids.size(), c + CHUNK));
            evaluations += tx.execute(st -> patch(productId, entry, part));
        }
        return evaluations;
    }

    /** One chunk of enterprises: the product taken out of their rows and put back where it now belongs. */
    private long patch(long productId, LiveProducts.Entry entry, List<Long> part) {
        long evaluations = 0;
        for (EnterpriseFacts f : details.factsOf(part).values()) {
            Row r = entry == null ? new Row(f.enterpriseId(), List.of(), Map.of(), 0)
                    : evaluate(f, List.of(entry), catalogue);
            evaluations += r.evaluations();
            store.patch(productId, r);
        }
        return evaluations;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    static String json(Map<Long, String[]> near) {
        Map<String, String[]> m = new LinkedHashMap<>();
        near.forEach((id, labels) -> m.put(Long.toString(id), labels));
        return JSON.writeValueAsString(m);
    }

    /** The {@code near} column read back. */
    static Map<Long, String[]> parseNear(String json) {
        Map<String, List<String>> m = JSON.readValue(json,
                new tools.jackson.core.type.TypeReference<Map<String, List<String>>>() {
                });
        Map<Long, String[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(Long.parseLong(k), v.toArray(String[]::new)));
        return out;
    }

    private boolean indexed(long enterpriseId) {
        return store.indexed(enterpriseId);
    }

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged e) {
        if (indexed(e.enterpriseId())) {
            refreshEnterprises(List.of(e.enterpriseId()));
        }
    }

    @ApplicationModuleListener
    void on(EnterpriseChainTagsChanged e) {
        if (indexed(e.enterpriseId())) {
            refreshEnterprises(List.of(e.enterpriseId()));
        }
    }

    @ApplicationModuleListener
    void on(EnterpriseQualificationsChanged e) {
        if (indexed(e.enterpriseId())) {
            refreshEnterprises(List.of(e.enterpriseId()));
        }
    }

    @ApplicationModuleListener
    void on(ProductEvent e) {
        refreshProduct(e.productId());
    }
}
