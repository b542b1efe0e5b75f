package cn.chanrong.credit.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureEngineTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    /**
     * Twelve months ending March 2026: customer 1 pays 60,000 and customer 2 pays 20,000 on the 5th;
     * payroll 30,000 on the 10th; tax 5,000 on the 12th (on the 20th in January); a supplier 30,000
     * on the 15th. March also has a round trip of 50,000 out to and back from a related party, and a
     * related-party inflow of 10,000.
     */
    static TxnBlock book() {
        TxnBlock.Builder b = new TxnBlock.Builder();
        for (int m = 11; m >= 0; m--) {
            LocalDate month = AS_OF.withDayOfMonth(1).minusMonths(m);
            b.add(month.withDayOfMonth(2), 1_000_000L, CounterpartyCategory.RELATED_PARTY, 9, (byte) 0, 1f).add(
                    month.withDayOfMonth(2), -1_000_000L, CounterpartyCategory.RELATED_PARTY, 9, (byte) 0, 1f);
            b.add(month.withDayOfMonth(5), 6_000_000L, CounterpartyCategory.CUSTOMER, 1, (byte) 0, 1f);
            b.add(month.withDayOfMonth(5), 2_000_000L, CounterpartyCategory.CUSTOMER, 2, (byte) 0, 1f);
            b.add(month.withDayOfMonth(10), -3_000_000L, CounterpartyCategory.PAYROLL, -1, (byte) 0, 1f);
            int taxDay = month.getMonthValue() == 1 ? 20 : 12;
            b.add(month.withDayOfMonth(taxDay), -500_000L, CounterpartyCategory.TAX, -1, (byte) 0, 1f);
            b.add(month.withDayOfMonth(25), -3_000_000L, CounterpartyCategory.SUPPLIER, 3, (byte) 0, 1f);
            if (m == 0) {
                b.add(month.withDayOfMonth(26), -5_000_000L, CounterpartyCategory.RELATED_PARTY, 9, TxnBlock.ROUND_TRIP, 1f);
                b.add(month.withDayOfMonth(28), 5_000_000L, CounterpartyCategory.RELATED_PARTY, 9, TxnBlock.ROUND_TRIP, 1f);
            }
        }
        return b.next().build();
    }

    Map<String, Double> features(TxnBlock block, long balanceFen) {
        FeatureEngine engine = new FeatureEngine(AS_OF);
        return engine.asMap(engine.compute(block, 0, balanceFen));
    }

    @Test
    void operating_flows_leave_out_related_parties_and_round_trips() {
        Map<String, Double> f = features(book(), 10_000_000L);
        assertThat(f.get("in_3")).isEqualTo(3 * 80_000.0);
        assertThat(f.get("in_12")).isEqualTo(12 * 80_000.0);
        assertThat(f.get("out_3")).isEqualTo(3 * 65_000.0);
        assertThat(f.get("net_12")).isEqualTo(12 * 15_000.0);
        assertThat(f.get("growth_6")).isEqualTo(0.0);
        assertThat(f.get("cv_in_12")).isEqualTo(0.0);
        assertThat(f.get("related_share_12")).isGreaterThan(0);
        assertThat(f.get("round_trip_share_12")).isGreaterThan(0.05);
        FeatureEngine engine = new FeatureEngine(AS_OF);
        engine.compute(book(), 0, 0);
        assertThat(engine.lastMonthly()[0]).as("the chart's monthly inflow is the operating inflow").containsOnly(80_000.0);
        assertThat(engine.lastMonthly()[1][11]).isEqualTo(65_000.0);
    }

    @Test
    void concentration_tenure_and_regularity_come_from_the_counterparties() {
        Map<String, Double> f = features(book(), 10_000_000L);
        assertThat(f.get("top1_share_12")).isCloseTo(0.75, within(1e-12));
        assertThat(f.get("hhi_customers_12")).isCloseTo(0.75 * 0.75 + 0.25 * 0.25, within(1e-12));
        assertThat(f.get("top5_share_12")).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("customer_tenure")).isEqualTo(12.0);
        assertThat(f.get("supplier_tenure")).isEqualTo(12.0);
        assertThat(f.get("payroll_months_12")).isEqualTo(1.0);
        assertThat(f.get("tax_months_12")).isEqualTo(1.0);
        assertThat(f.get("late_tax_12")).as("January's tax was paid on the 20th").isEqualTo(1.0);
        assertThat(f.get("months_of_data")).isEqualTo(12.0);
    }

    @Test
    void cash_on_hand_and_the_lowest_balance_come_from_the_balance_walked_back() {
        Map<String, Double> f = features(book(), 10_000_000L);
        assertThat(f.get("cash_days")).isCloseTo(100_000 / (195_000 / 91.0), within(1e-9));
        // March walked back from 100,000: before the round trip's return (28th) it was 50,000.
        assertThat(f.get("min_balance_3")).isLessThanOrEqualTo(50_000.0);
        assertThat(features(book(), 100_000_000L).get("min_balance_3")).isGreaterThan(f.get("min_balance_3"));
    }

    @Test
    void growth_and_trend_see_a_rising_business() {
        TxnBlock.Builder b = new TxnBlock.Builder();
        for (int m = 11; m >= 0; m--) {
            b.add(AS_OF.withDayOfMonth(1).minusMonths(m).withDayOfMonth(5), (100 + 10L * (11 - m)) * 100_000L,
                    CounterpartyCategory.CUSTOMER, 1, (byte) 0, 1f);
        }
        Map<String, Double> f = features(b.next().build(), 0);
        assertThat(f.get("growth_6")).isGreaterThan(0.3);
        assertThat(f.get("trend_12")).isGreaterThan(0.05);
        assertThat(f.get("hhi_customers_12")).isEqualTo(1.0);
    }

    @Test
    void a_self_uploaded_statement_counts_at_its_weight_and_an_empty_book_gives_no_ratios() {
        TxnBlock.Builder b = new TxnBlock.Builder();
        b.add(AS_OF.minusDays(3), 1_000_000L, CounterpartyCategory.CUSTOMER, 1, (byte) 0, 0.6f).next();
        b.next();
        TxnBlock block = b.build();
        FeatureEngine engine = new FeatureEngine(AS_OF);
        assertThat(engine.compute(block, 0, 0)[2]).isCloseTo(6_000.0, within(0.01));
        double[] empty = engine.compute(block, 1, 0);
        assertThat(engine.asMap(empty).get("in_12")).isZero();
        assertThat(engine.asMap(empty).get("top1_share_12")).isNaN();
        assertThat(engine.asMap(empty).get("months_of_data")).isZero();
    }
}
