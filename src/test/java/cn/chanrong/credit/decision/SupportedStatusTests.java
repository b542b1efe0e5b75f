package cn.chanrong.credit.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only verified status makes an enterprise "supported" (unsecured credit, long terms): issue 17 §4. */
class SupportedStatusTests {

    static Set<String> set(String cell) {
        return cell == null ? Set.of() : Arrays.stream(cell.split(";")).map(String::strip).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "verified [{0}] key chains [{1}] declared [{2}] tags [{3}] -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // verified buys
            "SPECIALISED_SME | -  | -               | -                   | true  | SPECIALISED_SME | -",
            "HIGH_TECH       | -  | -               | -                   | true  | HIGH_TECH       | -",
            "-               | IC | -               | IC;NEW_GEN_IT       | true  | KEY_CHAIN:IC    | -",
            // declared buys nothing, and is named
            "-               | -  | SPECIALISED_SME | -                   | false | -               | SPECIALISED_SME",
            "-               | -  | -               | MACHINE_TOOLS       | false | -               | KEY_CHAIN:MACHINE_TOOLS",
            // emerging and future industries are no key chain, declared or not
            "-               | -  | -               | NEW_ENERGY;FUTURE_HEALTH | false | -          | -",
            // statuses that are no support: green factory, first set, chain leader by itself
            "GREEN_FACTORY;FIRST_SET;CHAIN_LEADER | - | - | HIGH_END_EQUIPMENT | false | -         | -",
            // a verified status supports even beside a declared one
            "LITTLE_GIANT    | -  | HIGH_TECH       | -                   | true  | LITTLE_GIANT    | HIGH_TECH"})
    void only_verified_status_supports(String verified, String keyChains, String declared, String tags, boolean supported,
                                       String by, String declaredOnly) {
        var v = SupportedStatus.of(set(verified), set(keyChains), set(declared), set(tags));
        assertThat(v.supported()).isEqualTo(supported);
        assertThat(v.verifiedBy()).isEqualTo(by == null ? List.of() : List.of(by));
        assertThat(v.declaredOnly()).isEqualTo(declaredOnly == null ? List.of() : List.of(declaredOnly));
    }
}
