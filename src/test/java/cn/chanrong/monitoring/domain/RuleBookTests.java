package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBookTests {

    /** Round-trip versions as version:institution:product:effective day:share ({@code -} for none). */
    static final String BOOK = "2:-:-:0:60 3:-:-:100:70 4:7:-:50:80 5:7:11:120:90 6:8:-:0:40 7:7:-:50:85";

    static RuleBook book(String rows) {
        List<RuleBook.Row> list = new ArrayList<>();
        for (String r : rows.split(" ")) {
            String[] f = r.split(":");
            list.add(new RuleBook.Row(RoundTrip.RULE, Integer.parseInt(f[0]), f[1].equals("-") ? null : Long.valueOf(f[1]),
                    f[2].equals("-") ? null : Long.valueOf(f[2]), Integer.parseInt(f[3]),
                    new Rules.RoundTripParams(Integer.parseInt(f[0]), true, 30, Integer.parseInt(f[4]))));
        }
        return new RuleBook(list);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            before any row: the shipped version              | 9  | -  | -1  | 1:50
            the platform's first row                         | 9  | -  | 10  | 2:60
            the platform's later row from its day            | 9  | -  | 100 | 3:70
            an institution's row before its day: platform's  | 7  | -  | 49  | 2:60
            an institution's row from its day                | 7  | -  | 50  | 7:85
            same day: the later version wins                 | 7  | 11 | 60  | 7:85
            a product's row from its day                     | 7  | 11 | 120 | 5:90
            another product of the institution               | 7  | 12 | 120 | 7:85
            a product without a product row                  | 7  | -  | 200 | 7:85
            another institution's own row                    | 8  | 11 | 5   | 6:40
            """)
    void the_narrowest_scope_with_a_row_in_force_decides(String caseName, long institution, Long product, int day,
                                                          String expected) {
        Rules.RoundTripParams p = book(BOOK).at(institution, product, day).roundTrip();
        assertThat(p.version() + ":" + p.minSharePercent()).isEqualTo(expected);
        // the other rules keep what they were shipped with
        assertThat(book(BOOK).at(institution, product, day).fanOut()).isEqualTo(Rules.DEFAULT.fanOut());
    }

    @Test
    void a_draft_tried_replaces_its_scope_only_and_applies_from_always() {
        var draft = new RuleBook.Row(RoundTrip.RULE, 9, 7L, null, 500, new Rules.RoundTripParams(9, true, 30, 95));
        RuleBook trying = book(BOOK).trying(draft);
        assertThat(trying.at(7, null, 0).roundTrip().minSharePercent()).isEqualTo(95);
        assertThat(trying.at(7, 11L, 130).roundTrip().minSharePercent()).isEqualTo(90); // the product's own row stays
        assertThat(trying.at(8, null, 130).roundTrip().minSharePercent()).isEqualTo(40);
        assertThat(trying.at(9, null, 130).roundTrip().minSharePercent()).isEqualTo(70);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            round trip as shipped                 | round-trip         | enabled=true windowDays=30 minSharePercent=50     | -
            a window of a year                    | round-trip         | enabled=true windowDays=365 minSharePercent=50    | -
            a window too long                     | round-trip         | enabled=true windowDays=366 minSharePercent=50    | range:params.windowDays
            a share of nothing                    | round-trip         | enabled=true windowDays=30 minSharePercent=0      | range:params.minSharePercent
            a parameter it lacks                  | round-trip         | enabled=true windowDays=30 minSharePercent=50 hops=2 | monitoring.rule.unknown-parameter:params.hops
            a parameter missing                   | fan-out            | enabled=true days=3 minParties=5                  | required:params.minSharePercent
            switched on as text                   | hidden-refinancing | enabled='yes' windowDays=30                       | monitoring.rule.boolean:params.enabled
            a share with decimals                 | fan-out            | enabled=true days=3 minParties=5 minSharePercent=50.5 | range:params.minSharePercent
            categories it may name                | prohibited-use     | enabled=true windowDays=30 categories=SECURITIES,OTHER | -
            a category it may not name            | prohibited-use     | enabled=true windowDays=30 categories=SUPPLIER    | enum:params.categories
            no category                           | prohibited-use     | enabled=true windowDays=30 categories=            | monitoring.rule.categories:params.categories
            the trace                             | trace              | hops=5 days=60                                    | -
            a trace of no hop                     | trace              | hops=0 days=60                                    | range:params.hops
            an unknown rule                       | payee-elsewhere    | enabled=true                                      | enum:rule
            """)
    void parameters_are_read_strictly_each_problem_named(String caseName, String rule, String params, String expected) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String kv : params.split(" ")) {
            String[] f = kv.split("=", -1);
            Object v;
            if (f[0].equals("categories")) {
                v = f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(","));
            } else if (f[1].startsWith("'")) {
                v = f[1].replace("'", "");
            } else if (f[1].equals("true") || f[1].equals("false")) {
                v = Boolean.valueOf(f[1]);
            } else if (f[1].contains(".")) {
                v = Double.valueOf(f[1]);
            } else {
                v = Integer.valueOf(f[1]);
            }
            values.put(f[0], v);
        }
        List<Rejection> problems = new ArrayList<>();
        Rules.Params p = Rules.parse(rule, 2, values, problems);
        if (expected == null) {
            assertThat(problems).isEmpty();
            assertThat(p.version()).isEqualTo(2);
            // what is stored reads back the same
            assertThat(Rules.parse(rule, 2, p.values(), new ArrayList<>())).isEqualTo(p);
        } else {
            assertThat(problems).extracting(r -> r.code() + ":" + r.field()).contains(expected);
        }
    }

    @Test
    void each_loan_is_checked_by_its_products_rules() {
        // product 11 does not look at brokers; product 12 does, with a window of 10 days
        Rules quiet = Rules.DEFAULT.with(new Rules.Prohibited(4, false, 30, Set.of(CounterpartyCategory.SECURITIES)));
        Rules strict = Rules.DEFAULT.with(new Rules.Prohibited(5, true, 10, Set.of(CounterpartyCategory.SECURITIES)));
        var detector = new Detector((loan, day) -> loan.product() == 11L ? quiet : strict);
        var history = new InMemoryHistory(8, 2);
        history.loan("a", new Detector.Loan(1, "L1", 100_000_000, 0, false, 11L));
        history.loan("b", new Detector.Loan(2, "L2", 100_000_000, 0, false, 12L));
        var toBroker = (java.util.function.BiFunction<String, Integer, Detector.Event>) (acc, day) -> new Detector.Event(acc,
                "r" + day, "99", "证券", -1_000_000, CounterpartyCategory.SECURITIES, day);

        assertThat(detector.detect(toBroker.apply("a", 5), history)).isEmpty();
        assertThat(detector.detect(toBroker.apply("b", 5), history)).extracting(f -> f.rule() + " v" + f.version())
                .containsExactly("prohibited-use v5");
        assertThat(detector.detect(toBroker.apply("b", 11), history)).isEmpty();
    }

    @Test
    void every_rule_reads_back_what_it_stores_and_names_itself() {
        for (String code : Rules.CODES) {
            Rules.Params p = Rules.DEFAULT.of(code);
            assertThat(Rules.parse(code, p.version(), p.values(), new ArrayList<>())).as(code).isEqualTo(p);
            assertThat(Rules.DEFAULT.with(p)).as(code).isEqualTo(Rules.DEFAULT);
        }
    }
}
