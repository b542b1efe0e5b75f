package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.scf.domain.Ltv.State;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LtvTests {

    static final BigDecimal ALERT = new BigDecimal("0.70");
    static final BigDecimal LIQUIDATION = new BigDecimal("0.80");

    @ParameterizedTest(name = "{0} / {1} → {2} {3}")
    @CsvSource({
            "0,       0,       0.0000, NORMAL",
            "0,       1000,    0.0000, NORMAL",
            "690,     1000,    0.6900, NORMAL",
            "699.99,  1000,    0.7000, NORMAL",
            "700,     1000,    0.7000, ALERT",
            "799.99,  1000,    0.8000, ALERT",
            "800,     1000,    0.8000, MARGIN_CALL",
            "1200,    1000,    1.2000, MARGIN_CALL",
            "1,       3,       0.3333, NORMAL",
            "2,       3,       0.6667, NORMAL",
    })
    void ltv_and_state(String exposure, String collateral, String ratio, State state) {
        Ltv ltv = Ltv.of(new BigDecimal(exposure), new BigDecimal(collateral));
        assertThat(ltv.ratio()).contains(new BigDecimal(ratio));
        assertThat(Ltv.state(ltv, ALERT, LIQUIDATION)).isEqualTo(state);
    }

    @Test
    void exposure_on_collateral_worth_nothing_is_a_margin_call_without_a_ratio() {
        Ltv ltv = Ltv.of(new BigDecimal("1"), BigDecimal.ZERO);
        assertThat(ltv.ratio()).isEmpty();
        assertThat(Ltv.state(ltv, ALERT, LIQUIDATION)).isEqualTo(State.MARGIN_CALL);
    }

    @Test
    void lines_and_amounts_must_make_sense() {
        Ltv ltv = Ltv.of(BigDecimal.ONE, BigDecimal.TEN);
        assertThatThrownBy(() -> Ltv.state(ltv, LIQUIDATION, ALERT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ltv.state(ltv, ALERT, ALERT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ltv.of(BigDecimal.ONE.negate(), BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
    }
}
