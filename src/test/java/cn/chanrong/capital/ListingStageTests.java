package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.capital.domain.ListingStage;
import cn.chanrong.shared.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cultivation list's moves, one row per move: allowed, or the rule that refuses it. */
class ListingStageTests {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "CULTIVATION, COUNSELLING, ok",
            "COUNSELLING, FILING, ok",
            "FILING, LISTED, ok",
            "CULTIVATION, FILING, capital.listing.skip",
            "COUNSELLING, LISTED, capital.listing.skip",
            "FILING, COUNSELLING, capital.listing.backwards",
            "CULTIVATION, CULTIVATION, capital.listing.backwards",
            "CULTIVATION, WITHDRAWN, ok",
            "FILING, WITHDRAWN, ok",
            "LISTED, WITHDRAWN, capital.listing.final",
            "WITHDRAWN, COUNSELLING, capital.listing.final"})
    void moves_one_stage_at_a_time_and_stops_when_listed_or_withdrawn(ListingStage from, ListingStage to, String expected) {
        Transition<ListingStage> t = from.to(to);
        if (expected.equals("ok")) {
            assertThat(t.orThrow()).isEqualTo(to);
        } else {
            assertThat(t).isInstanceOfSatisfying(Transition.Refused.class,
                    r -> assertThat(r.rejection().code()).isEqualTo(expected));
        }
    }
}
