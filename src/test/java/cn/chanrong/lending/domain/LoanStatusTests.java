package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Transition;
import java.util.function.Function;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every named transition from every state: where the loan goes, or the reason it may not. */
class LoanStatusTests {

    static Transition<LoanStatus> apply(LoanStatus from, String transition, Tier tier) {
        Function<LoanStatus, Transition<LoanStatus>> t = switch (transition) {
            case "disburse" -> LoanStatus::disburse;
            case "service" -> LoanStatus::service;
            case "settle" -> LoanStatus::settle;
            case "renew" -> LoanStatus::renew;
            case "writeOff" -> s -> s.writeOff(tier);
            case "transfer" -> s -> s.transfer(tier);
            case "recover" -> LoanStatus::recover;
            case "secure" -> LoanStatus::secure;
            default -> throw new IllegalArgumentException(transition);
        };
        return t.apply(from);
    }

    @ParameterizedTest(name = "{0} --{1} ({2})--> {3}")
    @CsvSource(delimiter = '|', value = {
            // from | transition | tier | to, or the refusal's code
            "CONTRACTED | disburse | NORMAL | ACTIVE",
            "ACTIVE | disburse | NORMAL | lending.disburse.status",
            "REPAID | disburse | NORMAL | lending.disburse.status",
            "ACTIVE | service | NORMAL | ACTIVE",
            "CONTRACTED | service | NORMAL | lending.repay.status",
            "WRITTEN_OFF | service | LOSS | lending.repay.status",
            "ACTIVE | settle | NORMAL | REPAID",
            "REPAID | settle | NORMAL | lending.repay.status",
            "ACTIVE | renew | NORMAL | RENEWED",
            "RENEWED | renew | NORMAL | lending.repay.status",
            "ACTIVE | writeOff | SUBSTANDARD | WRITTEN_OFF",
            "ACTIVE | writeOff | LOSS | WRITTEN_OFF",
            "ACTIVE | writeOff | SPECIAL_MENTION | lending.write-off.performing",
            "WRITTEN_OFF | writeOff | LOSS | lending.repay.status",
            "ACTIVE | transfer | DOUBTFUL | TRANSFERRED",
            "ACTIVE | transfer | NORMAL | lending.write-off.performing",
            "TRANSFERRED | transfer | LOSS | lending.repay.status",
            "WRITTEN_OFF | recover | LOSS | WRITTEN_OFF",
            "ACTIVE | recover | LOSS | lending.recover.status",
            "TRANSFERRED | recover | LOSS | lending.recover.status",
            "CONTRACTED | secure | NORMAL | CONTRACTED",
            "ACTIVE | secure | NORMAL | ACTIVE",
            "REPAID | secure | NORMAL | lending.repay.status"})
    void every_transition_from_every_state(LoanStatus from, String transition, Tier tier, String expected) {
        Transition<LoanStatus> t = apply(from, transition, tier);
        if (expected.startsWith("lending.")) {
            assertThat(t).isInstanceOfSatisfying(Transition.Refused.class, r -> {
                assertThat(r.rejection().code()).isEqualTo(expected);
                assertThat(r.rejection().args()).as("the reader is told where the loan stands")
                        .containsAnyOf(from.name(), tier.name());
            });
            Assertions.assertThatThrownBy(t::orThrow).isInstanceOf(Rejected.class)
                    .satisfies(e -> assertThat(((Rejected) e).kind()).isEqualTo(Rejected.Kind.CONFLICT));
        } else {
            assertThat(t.orThrow()).isEqualTo(LoanStatus.valueOf(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"CONTRACTED, false", "ACTIVE, true", "REPAID, false", "RENEWED, false", "WRITTEN_OFF, false",
            "TRANSFERRED, false"})
    void only_an_active_loan_is_on_the_book(LoanStatus status, boolean onBook) {
        assertThat(status.onBook()).isEqualTo(onBook);
    }
}
