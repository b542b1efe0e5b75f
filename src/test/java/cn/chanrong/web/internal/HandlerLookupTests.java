package cn.chanrong.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlerLookupTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/loans/{id}/repayments | /api/v1/loans/
            /api/v1/loans                 | /api/v1/loans
            /assets/**                    | /assets/
            /files/a?c                    | /files/a
            /{lang}/help                  | /
            """)
    void the_literal_start_ends_at_the_first_variable_or_wildcard(String pattern, String start) {
        assertThat(HandlerLookupConfiguration.PrefilteredMapping.literalStart(pattern)).isEqualTo(start);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/loans/   | /api/v1/loans/42/repayments | true
            /api/v1/loans/   | /api/v1/facilities/7        | false
            /api/v1/loans    | /api/v1/loans               | true
            /api/v1/loans    | /api/v1/loan                | false
            /                | /anything                   | true
            """)
    void a_path_is_tested_only_against_mappings_it_could_match(String start, String path, boolean tested) {
        assertThat(HandlerLookupConfiguration.PrefilteredMapping.couldMatch(new String[] {start}, path)).isEqualTo(tested);
        assertThat(HandlerLookupConfiguration.PrefilteredMapping.couldMatch(new String[0], path)).isTrue();
    }
}
