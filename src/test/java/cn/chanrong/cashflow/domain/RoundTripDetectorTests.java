package cn.chanrong.cashflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundTripDetectorTests {

    static final RoundTripDetector DETECTOR = new RoundTripDetector(
            Set.of("6222 0202 0000 9999"), Set.of("杭州星河关联贸易有限公司", "宁波影子实业有限公司"));

    static Flow flow(String ref, int day, String amount, String account, String name) {
        return new Flow(ref, LocalDate.of(2024, 3, day), new BigDecimal(amount), account, name);
    }

    @Test
    void money_out_to_a_related_party_and_back_from_another_is_a_round_trip() {
        Flow out = flow("O1", 3, "-500000", null, "杭州星河关联贸易有限公司");
        Flow back = flow("I1", 6, "497000", null, "宁波影子实业有限公司");
        Flow sale = flow("I2", 4, "80000", "3301", "真实客户有限公司");
        RoundTripReport r = DETECTOR.detect(List.of(out, back, sale));
        assertThat(r.roundTrips()).containsExactly(new RoundTrip(out, back));
        assertThat(r.grossInflow()).isEqualByComparingTo("577000");
        assertThat(r.nettedInflow()).isEqualByComparingTo("80000");
        assertThat(r.grossOutflow()).isEqualByComparingTo("500000");
        assertThat(r.nettedOutflow()).isEqualByComparingTo("0");
        assertThat(r.relatedPartyInflows()).isEmpty();
    }

    @Test
    void inflow_first_then_back_out_also_counts_and_accounts_match_despite_spacing() {
        Flow in = flow("I1", 10, "100000", "6222020200009999", null);
        Flow out = flow("O1", 12, "-100000", "6222-0202-0000-9999", null);
        assertThat(DETECTOR.detect(List.of(in, out)).roundTrips()).containsExactly(new RoundTrip(out, in));
    }

    @Test
    void pairs_outside_the_window_or_tolerance_are_not_matched() {
        Flow out = flow("O1", 1, "-100000", null, "宁波影子实业有限公司");
        Flow late = flow("I1", 9, "100000", null, "宁波影子实业有限公司");
        Flow off = flow("I2", 2, "98000", null, "宁波影子实业有限公司");
        RoundTripReport r = DETECTOR.detect(List.of(out, late, off));
        assertThat(r.roundTrips()).isEmpty();
        assertThat(r.relatedPartyInflows()).containsExactly(late, off);
        assertThat(r.inflowExcludingRelatedParties()).isEqualByComparingTo("0");
    }

    @Test
    void each_flow_is_used_once_and_the_closest_date_wins() {
        Flow out = flow("O1", 5, "-10000", null, "宁波影子实业有限公司");
        Flow far = flow("I1", 9, "10000", null, "宁波影子实业有限公司");
        Flow near = flow("I2", 6, "9950", null, "宁波影子实业有限公司");
        RoundTripReport r = DETECTOR.detect(List.of(out, far, near));
        assertThat(r.roundTrips()).containsExactly(new RoundTrip(out, near));
        assertThat(r.relatedPartyInflows()).containsExactly(far);
    }

    @Test
    void on_equal_dates_the_closest_amount_wins() {
        Flow out = flow("O1", 5, "-10000", null, "宁波影子实业有限公司");
        Flow rough = flow("I1", 6, "9920", null, "宁波影子实业有限公司");
        Flow exact = flow("I2", 4, "10000", null, "宁波影子实业有限公司");
        assertThat(DETECTOR.detect(List.of(out, rough, exact)).roundTrips()).containsExactly(new RoundTrip(out, exact));
    }

    @Test
    void flows_with_unrelated_parties_are_never_paired() {
        Flow out = flow("O1", 5, "-10000", null, "供应商甲有限公司");
        Flow in = flow("I1", 5, "10000", null, "客户乙有限公司");
        RoundTripReport r = DETECTOR.detect(List.of(out, in));
        assertThat(r.roundTrips()).isEmpty();
        assertThat(r.relatedPartyInflows()).isEmpty();
    }

    @Test
    void window_and_tolerance_are_configurable_and_checked() {
        Flow out = flow("O1", 1, "-100", null, "x");
        Flow in = flow("I1", 20, "90", null, "x");
        assertThat(new RoundTripDetector(Set.of(), Set.of("X"), 30, new BigDecimal("0.10"))
                .detect(List.of(out, in)).roundTrips()).hasSize(1);
        assertThatThrownBy(() -> new RoundTripDetector(Set.of(), Set.of(), -1, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundTripDetector(Set.of(), Set.of(), 7, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
