package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.scf.domain.DynamicPledge.Alert;
import cn.chanrong.scf.domain.DynamicPledge.Allowed;
import cn.chanrong.scf.domain.DynamicPledge.Refused;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DynamicPledgeTests {

    static final DynamicPledge PLEDGE = new DynamicPledge(new BigDecimal("5000000"), new BigDecimal("5500000"));

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void an_outbound_that_leaves_plenty_is_allowed() {
        assertThat(PLEDGE.outbound(d("8000000"), d("2000000"))).isEqualTo(new Allowed(d("6000000")));
    }

    @Test
    void an_outbound_that_leaves_the_stock_near_the_minimum_is_allowed_with_an_alert() {
        assertThat(PLEDGE.outbound(d("8000000"), d("2500000"))).isEqualTo(new Alert(d("5500000"), d("500000")));
        assertThat(PLEDGE.outbound(d("8000000"), d("3000000"))).isEqualTo(new Alert(d("5000000"), d("0")));
    }

    @Test
    void an_outbound_below_the_minimum_is_refused_with_the_most_that_may_go_out() {
        assertThat(PLEDGE.outbound(d("8000000"), d("3000000.01"))).isEqualTo(new Refused(
                Rejection.of("pledge.below-minimum", "outboundValue", d("4999999.99"), d("5000000"), d("3000000"))));
    }

    @Test
    void stock_already_below_the_minimum_lets_nothing_out() {
        Refused refused = (Refused) PLEDGE.outbound(d("4000000"), d("1"));
        assertThat(refused.rejection().args()).last().isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void an_outbound_must_be_positive() {
        assertThat(PLEDGE.outbound(d("8000000"), d("0")))
                .isEqualTo(new Refused(Rejection.of("pledge.outbound-amount", "outboundValue", "0")));
        assertThat(PLEDGE.outbound(d("8000000"), null)).isInstanceOf(Refused.class);
    }

    @Test
    void the_alert_value_cannot_be_under_the_minimum() {
        assertThatThrownBy(() -> new DynamicPledge(d("10"), d("9"))).isInstanceOf(IllegalArgumentException.class);
    }
}
