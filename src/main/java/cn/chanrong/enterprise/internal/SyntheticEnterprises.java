package cn.chanrong.enterprise.internal;

import cn.chanrong.enterprise.SyntheticRegistry;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.Region;
import cn.chanrong.shared.CreditCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Arrays bound to one {@code INSERT … SELECT FROM unnest(…)} per 20,000 enterprises. */
@Component
class SyntheticEnterprises implements SyntheticRegistry {

    static final int BATCH = 20_000;
    static final String[] OWNERSHIP = {"PRIVATE", "PRIVATE", "PRIVATE", "STATE_OWNED", "FOREIGN_INVESTED", "MIXED"};

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReferenceData reference;

    private final javax.sql.DataSource dataSource;

    SyntheticEnterprises(JdbcClient jdbc, TransactionTemplate tx, ReferenceData reference, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reference = reference;
        this.dataSource = dataSource;
    }

    @Override
    public long loadEconomy(java.nio.file.Path economy, java.util.function.Consumer<String> progress) {
        return tx.execute(s -> {
            jdbc.sql("""
                    CREATE TEMP TABLE stage_enterprise (credit_code text, name text, name_en text, region_code text,
                        industry_code text, ownership text, founding_date date, employees int, annual_revenue numeric,
                        chain_tags text, group_code text, actual_controller text) ON COMMIT DROP""").update();
            jdbc.sql("""
                    CREATE TEMP TABLE stage_group (group_code text, name text, name_en text, actual_controller text,
                        parent_credit_code text) ON COMMIT DROP""").update();
            jdbc.sql("CREATE TEMP TABLE stage_link (a text, b text, amount numeric) ON COMMIT DROP").update();
            copy("stage_enterprise", economy.resolve("enterprises.csv"));
            copy("stage_group", economy.resolve("groups.csv"));
            jdbc.sql("""
                    INSERT INTO enterprise_group (code, name, name_en, actual_controller)
                    SELECT group_code, name, nullif(name_en, ''), nullif(actual_controller, '') FROM stage_group
                    ON CONFLICT (code) DO NOTHING""").update();
            int added = jdbc.sql("""
                    INSERT INTO enterprise (credit_code, name, name_en, region_code, industry_code, ownership, founding_date,
                                            employees, annual_revenue, group_id, actual_controller, created_by, updated_by)
                    SELECT s.credit_code, s.name, nullif(s.name_en, ''), s.region_code, s.industry_code, s.ownership,
                           s.founding_date, s.employees, s.annual_revenue, g.id, nullif(s.actual_controller, ''),
                           'generator', 'generator'
                      FROM stage_enterprise s LEFT JOIN enterprise_group g ON g.code = nullif(s.group_code, '')
                    ON CONFLICT (credit_code) DO NOTHING""").update();
            progress.accept(String.format("%,d enterprises", added));
            jdbc.sql("""
                    INSERT INTO enterprise_chain_tag (enterprise_id, tag)
                    SELECT e.id, btrim(t) FROM stage_enterprise s JOIN enterprise e ON e.credit_code = s.credit_code,
                           unnest(string_to_array(s.chain_tags, ';')) AS t
                     WHERE coalesce(s.chain_tags, '') <> '' AND btrim(t) <> '' ON CONFLICT DO NOTHING""").update();
            jdbc.sql("""
                    UPDATE enterprise_group g SET parent_id = e.id FROM stage_group s JOIN enterprise e
                        ON e.credit_code = s.parent_credit_code WHERE g.code = s.group_code AND g.parent_id IS NULL""")
                    .update();
            copy("stage_link", economy.resolve("relationships.csv"));
            int links = jdbc.sql("""
                    INSERT INTO enterprise_relationship (supplier_id, customer_id, annual_volume, declared_by)
                    SELECT a.id, b.id, l.amount, 'generator' FROM stage_link l
                      JOIN enterprise a ON a.credit_code = l.a JOIN enterprise b ON b.credit_code = l.b
                    ON CONFLICT (supplier_id, customer_id) DO NOTHING""").update();
            progress.accept(String.format("%,d supply relationships", links));
            jdbc.sql("TRUNCATE stage_link").update();
            copy("stage_link", economy.resolve("guarantees.csv"));
            int guarantees = jdbc.sql("""
                    INSERT INTO enterprise_guarantee (guarantor_id, debtor_id, amount, declared_by)
                    SELECT a.id, b.id, l.amount, 'generator' FROM stage_link l
                      JOIN enterprise a ON a.credit_code = l.a JOIN enterprise b ON b.credit_code = l.b
                    ON CONFLICT (guarantor_id, debtor_id) DO NOTHING""").update();
            progress.accept(String.format("%,d guarantees between firms", guarantees));
            return (long) added;
        });
    }

    /** COPY of a generated CSV file (with its header) into a staging table, on the transaction's connection. */
    private void copy(String table, java.nio.file.Path file) {
        java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
        try (var in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", in);
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
        } finally {
            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    @Override
    public long generate(int count, long seed, LongConsumer progress) {
        SplittableRandom random = new SplittableRandom(seed);
        // prefectures and counties: an enterprise is registered below the province
        List<String> regions = reference.regions().stream().map(Region::code).filter(c -> !c.endsWith("0000")).toList();
        List<String> industries = reference.industries().stream().filter(i -> i.level() == 4).map(i -> i.code()).toList();
        List<String> makers = industries.stream().filter(c -> c.startsWith("C")).toList();
        ChainTag[] chains = ChainTag.values();
        long added = 0;
        for (int from = 0; from < count; from += BATCH) {
            int n = Math.min(BATCH, count - from);
            String[] codes = new String[n];
            String[] names = new String[n];
            String[] region = new String[n];
            String[] industry = new String[n];
            String[] owner = new String[n];
            String[] founded = new String[n];
            Integer[] employees = new Integer[n];
            String[] revenue = new String[n];
            List<String> tagCodes = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                region[i] = regions.get(random.nextInt(regions.size()));
                StringBuilder org = new StringBuilder();
                for (int k = 0; k < 9; k++) {
                    org.append(CreditCode.ALPHABET.charAt(random.nextInt(31)));
                }
                codes[i] = CreditCode.complete("91" + region[i] + org).value();
                names[i] = "基准企业" + (from + i + 1) + "有限公司";
                industry[i] = random.nextInt(10) < 8 ? makers.get(random.nextInt(makers.size()))
                        : industries.get(random.nextInt(industries.size()));
                owner[i] = OWNERSHIP[random.nextInt(OWNERSHIP.length)];
                founded[i] = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(30 * 365)).toString();
                employees[i] = 5 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 300);
                revenue[i] = Long.toString(employees[i] * (200_000L + random.nextInt(1_500_000)));
                if (random.nextInt(3) == 0) {
                    tagCodes.add(codes[i]);
                    tags.add(chains[random.nextInt(chains.length)].name());
                }
            }
            long made = tx.execute(s -> {
                int rows = jdbc.sql("""
                                INSERT INTO enterprise (credit_code, name, region_code, industry_code, ownership, founding_date,
                                                        employees, annual_revenue, created_by, updated_by)
                                SELECT * , 'bench', 'bench' FROM unnest(CAST(:c AS text[]), CAST(:n AS text[]),
                                  CAST(:r AS text[]), CAST(:i AS text[]), CAST(:o AS text[]), CAST(:f AS date[]),
                                  CAST(:e AS int[]), CAST(:v AS numeric[]))
                                ON CONFLICT (credit_code) DO NOTHING""")
                        .param("c", codes).param("n", names).param("r", region).param("i", industry).param("o", owner)
                        .param("f", founded).param("e", employees).param("v", revenue).update();
                jdbc.sql("""
                                INSERT INTO enterprise_chain_tag (enterprise_id, tag)
                                SELECT e.id, t.tag FROM unnest(CAST(:c AS text[]), CAST(:t AS text[])) AS t(code, tag)
                                JOIN enterprise e ON e.credit_code = t.code ON CONFLICT DO NOTHING""")
                        .param("c", tagCodes.toArray(String[]::new)).param("t", tags.toArray(String[]::new)).update();
                return (long) rows;
            });
            added += made;
            progress.accept(added);
        }
        return added;
    }
}
