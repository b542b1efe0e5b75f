package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.MandateFit;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mandate against a need, criterion by criterion: the criteria missed, or none when it fits. */
class MandateFitTests {

    private static Set<String> set(String s) {
        return s.isBlank() ? Set.of() : Arrays.stream(s.split(";")).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fits on every count | SERIES_A;SERIES_B | 10000000 | 80000000 | 350000 | MACHINE_TOOLS | SERIES_B | 40000000 | 350000 | MACHINE_TOOLS;HIGH_END_EQUIPMENT | ",
            "the wrong round | ANGEL | 1000000 | 9000000 | | | SERIES_B | 5000000 | 350000 | | STAGE",
            "a ticket too large | SERIES_B | 10000000 | 30000000 | | | SERIES_B | 40000000 | 440000 | | TICKET",
            "the ticket's bounds count | SERIES_B | 40000000 | 40000000 | | | SERIES_B | 40000000 | 440000 | | ",
            "another province | SERIES_B | 1 | 90000000 | 440000;320000 | | SERIES_B | 40000000 | 350000 | | REGION",
            "no chain it invests in | SERIES_B | 1 | 90000000 | | IC | SERIES_B | 40000000 | 350000 | MACHINE_TOOLS | CHAIN",
            "a firm without tags against a chain mandate | SERIES_B | 1 | 90000000 | | IC | SERIES_B | 40000000 | 350000 | | CHAIN",
            "several missed | PRE_IPO | 1 | 2 | 110000 | IC | SEED | 3 | 350000 | | STAGE;TICKET;REGION;CHAIN"})
    void checks_each_criterion(String name, String stages, String min, String max, String regions, String chains,
                               InvestmentStage stage, String amount, String province, String tags, String missed) {
        var mandate = new MandateFit.Mandate(set(stages).stream().map(InvestmentStage::valueOf).collect(Collectors.toSet()),
                new BigDecimal(min), new BigDecimal(max), set(regions == null ? "" : regions), set(chains == null ? "" : chains));
        var result = MandateFit.of(mandate, new MandateFit.Need(stage, new BigDecimal(amount), province,
                set(tags == null ? "" : tags)));
        String got = result.checks().stream().filter(c -> !c.met()).map(c -> c.criterion().name())
                .collect(Collectors.joining(";"));
        assertThat(got).isEqualTo(missed == null ? "" : missed);
        assertThat(result.fits()).isEqualTo(got.isEmpty());
        assertThat(result.checks()).hasSize(4).allSatisfy(c -> assertThat(c.detail()).isNotBlank());
    }
}
