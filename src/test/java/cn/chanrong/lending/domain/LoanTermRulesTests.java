package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Terms an application may ask for: 流动资金贷款管理办法 (NFRA 2024) — a working-capital loan at most 3 years,
 * up to 5 where the operating cycle justifies it (the reason recorded); 商业汇票承兑、贴现与再贴现管理办法
 * (in force 2023-01-01) — a commercial bill's tenor at most 6 months.
 */
class LoanTermRulesTests {

    @ParameterizedTest(name = "{0} months, product {1}-{2}, working capital {3}, bill {4}, reason \"{5}\": {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // months | product min | product max | working capital | bill | reason | rejection codes
            "36  | 3 | 36  | true  | false | -                    | ''",
            "37  | 3 | 36  | true  | false | -                    | lending.term.operating-cycle",
            "48  | 3 | 36  | true  | false | 经营周期18个月，备货期长 | ''",
            "60  | 3 | 36  | true  | false | 经营周期18个月，备货期长 | ''",
            "61  | 3 | 36  | true  | false | 经营周期18个月，备货期长 | range",
            // a working-capital purpose on a longer product keeps the working-capital rule
            "48  | 1 | 120 | true  | false | -                    | lending.term.operating-cycle",
            "96  | 1 | 120 | true  | false | 经营周期很长            | range",
            "96  | 1 | 120 | false | false | -                    | ''",
            "121 | 1 | 120 | false | false | -                    | range",
            "2   | 3 | 36  | false | false | -                    | range",
            // 商业汇票: at most 6 months, whatever an older product says
            "6   | 1 | 12  | false | true  | -                    | ''",
            "7   | 1 | 12  | false | true  | -                    | lending.term.commercial-bill",
            "-   | 1 | 12  | false | false | -                    | required"})
    void the_term_an_application_may_ask_for(Integer months, int min, int max, boolean workingCapital, boolean bill,
                                             String reason, String codes) {
        var limits = new LoanTermRules.Limits(min, max, workingCapital, 36, 60, bill, 6);
        assertThat(LoanTermRules.check(months, reason, limits)).extracting(Rejection::code)
                .containsExactlyElementsOf(codes.isBlank() ? List.of() : List.of(codes.split(" ")));
    }
}
