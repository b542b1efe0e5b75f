package cn.chanrong.institution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.institution.ProductDraft;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The amounts reach the rules as numbers; text that is none is refused at the edge (ProductImportAndInstitutionIntegrationTests). */
class ProductRulesTests {

    final ProductRules rules = new ProductRules(type -> 36, "350000"::equals);

    static ProductDraft draft(String min, String max) {
        return new ProductDraft("T-01", "测试流贷", "Test loan", "WORKING_CAPITAL_LOAN", min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), 3, 24, "NONE", null, null, null, "CREDIT", List.of(), List.of(),
                List.of(), List.of(), null, null, List.of());
    }

    @Test
    void amounts_are_typed_at_scale_two() {
        var out = rules.check(draft("100000", "5000000.5"), null);
        assertThat(out.rejections()).isEmpty();
        assertThat(out.product().minAmount()).hasToString("100000.00");
        assertThat(out.product().maxAmount()).hasToString("5000000.50");
    }

    @Test
    void amounts_are_required_bounded_and_in_order() {
        assertThat(rules.check(draft(null, "1.234"), null).rejections()).extracting(Rejection::code, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("required", "minAmount"),
                        org.assertj.core.groups.Tuple.tuple("amount.scale", "maxAmount"));
        assertThat(rules.check(draft("-1", "1000000000000.01"), null).rejections()).extracting(Rejection::code)
                .containsExactly("range", "range");
        assertThat(rules.check(draft("5000000", "100000"), null).rejections()).extracting(Rejection::code)
                .containsExactly("range.reversed-amount");
    }
}
