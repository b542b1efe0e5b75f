package cn.chanrong.matching.internal;

import cn.chanrong.matching.MatchingBench;
import cn.chanrong.matching.Needs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class MatchingBenchmarks implements MatchingBench {

    private final JdbcClient jdbc;
    private final EligibilityIndex index;
    private final NeedService needs;
    private final LiveProducts live;

    MatchingBenchmarks(JdbcClient jdbc, EligibilityIndex index, NeedService needs, LiveProducts live) {
        this.jdbc = jdbc;
        this.index = index;
        this.needs = needs;
        this.live = live;
    }

    @Override
    public long generateNeeds(int count, long seed) {
        return jdbc.sql("""
                        INSERT INTO financing_need (enterprise_id, amount, term_months, purpose, collateral, urgency, visibility,
                                                    published_on, created_by)
                        SELECT e.id, (1 + (hashint.h % 60)) * 250000, (ARRAY[6, 12, 24, 36, 60])[1 + hashint.h % 5],
                               (ARRAY['WORKING_CAPITAL', 'EQUIPMENT_RENEWAL', 'TECH_TRANSFORMATION', 'RD'])[1 + hashint.h % 4],
                               'NONE', 'NORMAL', 'ALL', current_date, 'bench'
                        FROM (SELECT id FROM enterprise_party_view e WHERE NOT EXISTS (SELECT 1 FROM financing_need n WHERE n.enterprise_id = e.id)
                              ORDER BY id LIMIT :n) e,
                             LATERAL (SELECT abs(hashtext(e.id::text || :seed)) AS h) hashint""")
                .param("n", count).param("seed", Long.toString(seed)).update();
    }

    @Override
    public Recompute recomputeEligibility() {
        long start = System.nanoTime();
        long evaluations = index.recomputeAll();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long enterprises = jdbc.sql("SELECT count(*) FROM need_eligibility").query(Long.class).single();
        return new Recompute(enterprises, live.get().all().size(), evaluations, millis);
    }

    @Override
    public RankAll rankAll() {
        long start = System.nanoTime();
        LiveProducts.Snapshot snapshot = live.get();
        long count = 0;
        long candidates = 0;
        long ranked = 0;
        long after = 0;
        while (true) {
            List<Needs.Need> page = new ArrayList<>();
            Map<Long, Object[]> rows = new HashMap<>();
            jdbc.sql("""
                            SELECT n.id, n.enterprise_id, e.region_code, n.amount, n.term_months, n.product_types,
                                   g.eligible, g.near::text
                            FROM financing_need n JOIN enterprise_party_view e ON e.id = n.enterprise_id
                            LEFT JOIN need_eligibility g ON g.enterprise_id = n.enterprise_id
                            WHERE n.status = 'OPEN' AND n.id > :after ORDER BY n.id LIMIT 5000""")
                    .param("after", after)
                    .query(rs -> {
                        long id = rs.getLong(1);
                        page.add(new Needs.Need(id, rs.getLong(2), null, rs.getString(3), rs.getBigDecimal(4), rs.getInt(5),
                                "WORKING_CAPITAL", Arrays.asList((String[]) rs.getArray(6).getArray()), "NONE", "NORMAL",
                                "ALL", List.of(), false, null, "OPEN", null, 0, 0));
                        java.sql.Array el = rs.getArray(7);
                        rows.put(id, new Object[] {el == null ? new Long[0] : el.getArray(), rs.getString(8)});
                    });
            if (page.isEmpty()) {
                break;
            }
            for (Needs.Need n : page) {
                Object[] r = rows.get(n.id());
                Map<Long, String[]> near = r[1] == null ? Map.of() : EligibilityIndex.parseNear((String) r[1]);
                NeedService.Ranked result = needs.rank(n, false, null, (Long[]) r[0], near, snapshot);
                candidates += result.candidates();
                ranked += result.matches().eligible().size();
                count++;
                after = n.id();
            }
        }
        return new RankAll(count, candidates, ranked, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public List<Long> openNeeds(int limit) {
        return jdbc.sql("SELECT id FROM financing_need WHERE status = 'OPEN' ORDER BY random() LIMIT :n").param("n", limit)
                .query(Long.class).list();
    }
}
