package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTests {

    private static final Map<Allocation.Bucket, BigDecimal> OWED = Map.of(
            Allocation.Bucket.PENALTY, new BigDecimal("12.50"),
            Allocation.Bucket.OVERDUE_INTEREST, new BigDecimal("300.00"),
            Allocation.Bucket.OVERDUE_PRINCIPAL, new BigDecimal("1000.00"),
            Allocation.Bucket.CURRENT_INTEREST, new BigDecimal("280.00"),
            Allocation.Bucket.CURRENT_PRINCIPAL, new BigDecimal("1000.00"));

    @Test
    void the_default_order_pays_penalty_then_overdue_interest_then_overdue_principal_then_current() {
        var split = Allocation.allocate(new BigDecimal("1500.00"), OWED, Allocation.DEFAULT_ORDER);
        assertThat(split.part(Allocation.Bucket.PENALTY)).isEqualByComparingTo("12.50");
        assertThat(split.part(Allocation.Bucket.OVERDUE_INTEREST)).isEqualByComparingTo("300.00");
        assertThat(split.part(Allocation.Bucket.OVERDUE_PRINCIPAL)).isEqualByComparingTo("1000.00");
        assertThat(split.part(Allocation.Bucket.CURRENT_INTEREST)).isEqualByComparingTo("187.50");
        assertThat(split.part(Allocation.Bucket.CURRENT_PRINCIPAL)).isEqualByComparingTo("0");
        assertThat(split.unallocated()).isEqualByComparingTo("0");
    }

    @Test
    void another_order_changes_the_split_and_an_excess_is_left_unallocated() {
        var principalFirst = List.of(Allocation.Bucket.OVERDUE_PRINCIPAL, Allocation.Bucket.CURRENT_PRINCIPAL,
                Allocation.Bucket.PENALTY, Allocation.Bucket.OVERDUE_INTEREST, Allocation.Bucket.CURRENT_INTEREST);
        var split = Allocation.allocate(new BigDecimal("3000.00"), OWED, principalFirst);
        assertThat(split.principal()).isEqualByComparingTo("2000.00");
        assertThat(split.interest()).isEqualByComparingTo("580.00");
        assertThat(split.unallocated()).isEqualByComparingTo("407.50");
        assertThatThrownBy(() -> Allocation.allocate(BigDecimal.ONE, OWED, List.of(Allocation.Bucket.PENALTY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
