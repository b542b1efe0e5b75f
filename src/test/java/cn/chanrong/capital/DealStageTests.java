package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.shared.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deal pipeline's moves, one row per move: allowed, or the rule that refuses it. */
class DealStageTests {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "INTEREST, NDA, ok",
            "INTEREST, DUE_DILIGENCE, ok",
            "NDA, TERM_SHEET, ok",
            "TERM_SHEET, INVESTED, ok",
            "DUE_DILIGENCE, INVESTED, capital.deal.term-sheet-first",
            "INTEREST, INVESTED, capital.deal.term-sheet-first",
            "TERM_SHEET, NDA, capital.deal.backwards",
            "NDA, NDA, capital.deal.backwards",
            "TERM_SHEET, DECLINED, ok",
            "INTEREST, DECLINED, ok",
            "DECLINED, TERM_SHEET, capital.deal.final",
            "INVESTED, DECLINED, capital.deal.final"})
    void moves_forward_only_invests_on_a_term_sheet_and_stops_when_final(DealStage from, DealStage to, String expected) {
        Transition<DealStage> t = from.to(to);
        if (expected.equals("ok")) {
            assertThat(t.allowed()).isTrue();
            assertThat(t.orThrow()).isEqualTo(to);
        } else {
            assertThat(t).isInstanceOfSatisfying(Transition.Refused.class,
                    r -> assertThat(r.rejection().code()).isEqualTo(expected));
        }
    }
}
