package cn.chanrong.registry.internal;

import cn.chanrong.reference.BusinessDate;
import cn.chanrong.registry.FilingGenerator;
import cn.chanrong.shared.CreditCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Set-based SQL, a batch per transaction; the background grantors' codes keep the format, not the check digit. */
@Component
class SyntheticFilings implements FilingGenerator {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BusinessDate businessDate;

    SyntheticFilings(JdbcClient jdbc, TransactionTemplate tx, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.businessDate = businessDate;
    }

    @Override
    public Targets generate(int filings, int targets, int perTransaction, LongConsumer progress) {
        List<Long> parties = jdbc.sql("SELECT id FROM institution_party_view ORDER BY id LIMIT 2").query(Long.class).list();
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        int grantors = Math.max(1, filings / 5);
        for (int from = 0; from < filings; from += perTransaction) {
            int a = from + 1;
            int b = Math.min(filings, from + perTransaction);
            tx.executeWithoutResult(s -> {
                jdbc.sql("""
                                INSERT INTO registry_filing (number, seq, grantor, secured_party, collateral_type, description,
                                    blanket_scope, term_months, expires_on, filed_by, registered_on)
                                SELECT 'B' || :run || lpad(g::text, 9, '0'), nextval('registry_sequence'),
                                    '9135' || lpad((g % :grantors)::text, 14, '0'),
                                    CASE WHEN g % 2 = 0 THEN :p1 ELSE :p2 END,
                                    (ARRAY['RECEIVABLES_PLEDGE', 'INVENTORY', 'EQUIPMENT'])[1 + g % 3], '基准登记 / bench filing',
                                    CASE WHEN g % 50 = 0 THEN '全部存货 / all inventory' END, 12, :expires, 'bench', :today
                                FROM generate_series(:a, :b) g""")
                        .param("run", run).param("grantors", grantors).param("p1", parties.get(0))
                        .param("p2", parties.get(parties.size() - 1)).param("expires", businessDate.today().plusMonths(12))
                        .param("today", businessDate.today()).param("a", a).param("b", b).update();
                jdbc.sql("""
                                INSERT INTO registry_identifier (filing_id, identifier)
                                SELECT f.id, 'ID-' || f.number FROM registry_filing f
                                WHERE f.number BETWEEN 'B' || :run || lpad(:a::text, 9, '0') AND 'B' || :run || lpad(:b::text, 9, '0')
                                  AND f.blanket_scope IS NULL""")
                        .param("run", run).param("a", a).param("b", b).update();
            });
            progress.accept(b);
        }
        SplittableRandom random = new SplittableRandom(42);
        List<String> codes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int t = 0; t < targets; t++) {
                StringBuilder org = new StringBuilder();
                for (int i = 0; i < 9; i++) {
                    org.append(CreditCode.ALPHABET.charAt(random.nextInt(31)));
                }
                String code = CreditCode.complete("91350100" + org).value();
                codes.add(code);
                for (int k = 0; k < 5; k++) {
                    String number = "T" + run + String.format("%06d%d", t, k);
                    long id = jdbc.sql("""
                                    INSERT INTO registry_filing (number, seq, grantor, secured_party, collateral_type,
                                        description, term_months, expires_on, filed_by, registered_on)
                                    VALUES (:n, nextval('registry_sequence'), :g, :p, :t, '基准登记 / bench filing', 12, :e, 'bench',
                                            :today)
                                    RETURNING id""")
                            .param("n", number).param("g", code).param("p", parties.get(k % parties.size()))
                            .param("t", k % 2 == 0 ? "RECEIVABLES_PLEDGE" : "EQUIPMENT")
                            .param("e", businessDate.today().plusMonths(12)).param("today", businessDate.today())
                            .query(Long.class).single();
                    jdbc.sql("INSERT INTO registry_identifier (filing_id, identifier) VALUES (:f, :i)")
                            .param("f", id).param("i", "ID-" + number).update();
                    if (k == 0) {
                        ids.add("ID-" + number);
                    }
                }
            }
        });
        return new Targets(List.copyOf(codes), List.copyOf(ids));
    }
}
