package cn.chanrong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one strict grammar for money at the edge of the API, and what the workbench's forms may type. */
class AmountsTests {

    private static final BigDecimal MAX = new BigDecimal("100000000000");

    @ParameterizedTest(name = "\"{0}\" is refused with {1}")
    @CsvSource(delimiter = '|', value = {
            "1e3|amount.format",
            "1E+2|amount.format",
            "1.|amount.format",
            "00001.00|amount.format",
            "' 1000000.00 '|amount.format",
            "'1000000.00 '|amount.format",
            "+5|amount.format",
            ".5|amount.format",
            "1,000.00|amount.format",
            "0x10|amount.format",
            "NaN|amount.format",
            "１００|amount.format",
            "1.001|amount.scale",
            "1.000|amount.scale",
            "-1.00|range",
            "100000000000.01|range",
            "''|required",
            "'   '|required",
    })
    void money_that_is_not_plain_decimal_text_is_refused_with_the_field_named(String raw, String code) {
        List<Rejection> r = new ArrayList<>();
        assertThat(Amounts.parse(raw, "amount", false, MAX, r)).isNull();
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(code);
            assertThat(x.field()).isEqualTo("amount");
        });
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0.00",
            "0.5|0.50",
            "1000000|1000000.00",
            "1000000.00|1000000.00",
            "12.3|12.30",
            "100000000000|100000000000.00",
    })
    void plain_decimal_text_is_money_at_scale_two(String raw, String expected) {
        List<Rejection> r = new ArrayList<>();
        assertThat(Amounts.parse(raw, "amount", false, MAX, r)).isEqualTo(new BigDecimal(expected));
        assertThat(r).isEmpty();
    }

    @ParameterizedTest(name = "the form''s \"{0}\" becomes \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "1,000,000.00|1000000.00",
            "' 1,000 '|1000",
            "' 25.5 '|25.5",
            "1,00|1,00",
            "1e3|1e3",
    })
    void the_workbench_joins_grouped_digits_before_the_same_parser(String typed, String plain) {
        assertThat(Amounts.normaliseTyped(typed)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "rate \"{0}\" with at most 4 decimals: {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0435|0.0435",
            "3.85|3.85",
    })
    void rates_follow_the_same_grammar_with_their_own_scale(String raw, String expected) {
        List<Rejection> r = new ArrayList<>();
        assertThat(Amounts.decimal(raw, "annualRate", 4, r)).isEqualTo(new BigDecimal(expected));
        assertThat(Amounts.decimal("4.35e-2", "annualRate", 4, r)).isNull();
        assertThat(r).extracting(Rejection::code).containsExactly("amount.format");
    }

    @ParameterizedTest(name = "plain(\"{0}\") is refused like unreadable text")
    @CsvSource(delimiter = '|', value = {"1e3", "' 4.35'", "4.", "04.35"})
    void plain_refuses_what_is_not_plain_decimal_text(String raw) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Amounts.plain(raw)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest(name = "{0} checked: {1}")
    @CsvSource(delimiter = '|', value = {
            "12.5          | 12.50 |",
            "0             | 0.00  |",
            "-1            |       | range",
            "12.345        |       | amount.scale",
            "100000000001  |       | range",
            "12.3400       | 12.34 |",
    })
    void an_amount_read_at_the_edge_is_checked_by_the_same_rules(String in, String out, String code) {
        var problems = new java.util.ArrayList<Rejection>();
        BigDecimal v = Amounts.check(new BigDecimal(in), "amount", false, MAX, problems);
        if (out == null) {
            assertThat(v).isNull();
            assertThat(problems).extracting(Rejection::code).containsExactly(code);
        } else {
            assertThat(v).isEqualByComparingTo(out);
            assertThat(v.scale()).isEqualTo(2);
            assertThat(problems).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void a_missing_amount_is_required_and_form_text_is_read_strictly() {
        var problems = new java.util.ArrayList<Rejection>();
        assertThat(Amounts.check(null, "amount", false, MAX, problems)).isNull();
        assertThat(problems).extracting(Rejection::code).containsExactly("required");
        assertThat(Amounts.read(" ", "amount", 2)).isNull();
        assertThat(Amounts.read("1.25", "amount", 2)).isEqualByComparingTo("1.25");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Amounts.read("1e3", "amount", 2))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.rejections()).extracting(Rejection::code).containsExactly("amount.format"));
    }

    @ParameterizedTest(name = "ratio {0} within 0..1: {1}")
    @CsvSource(delimiter = '|', value = {"0.05 | ", "1 | ", "0 | ", "1.000001 | range", "-0.01 | range"})
    void a_ratio_read_at_the_edge_is_checked_against_its_bounds(String in, String code) {
        var problems = new ArrayList<Rejection>();
        BigDecimal v = Amounts.checkRatio(new BigDecimal(in), "share", BigDecimal.ONE, problems);
        if (code == null) {
            assertThat(v).isEqualByComparingTo(in);
            assertThat(problems).isEmpty();
        } else {
            assertThat(v).isNull();
            assertThat(problems).extracting(Rejection::code).containsExactly(code);
        }
        problems.clear();
        assertThat(Amounts.checkRatio(null, "share", BigDecimal.ONE, problems)).isNull();
        assertThat(problems).extracting(Rejection::code).containsExactly("required");
    }
}
