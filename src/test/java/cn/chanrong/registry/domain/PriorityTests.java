package cn.chanrong.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.registry.domain.Priority.Interest;
import cn.chanrong.registry.domain.Priority.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Civil Code's priority rules between two registered interests in one asset (FACTS §3, §10). */
class PriorityTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static Interest interest(String name, String registeredOn, long seq, String type, boolean purchaseMoney,
                                     String deliveredOn) {
        LocalDate on = LocalDate.parse(registeredOn);
        return new Interest(name, on, on.atTime(10, 0).atZone(BEIJING).toInstant(), seq,
                CollateralType.valueOf(type), purchaseMoney, deliveredOn == null ? null : LocalDate.parse(deliveredOn));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                                               | A: registered, seq, type, purchase money, delivered | B: … | first | rule
            "414: the earlier registration ranks first               | 2026-01-05 | 1 | EQUIPMENT          | false | -          | 2026-02-01 | 2 | EQUIPMENT          | false | -          | A | REGISTRATION_ORDER",
            "414: a pledge and a mortgage of one asset, by time       | 2026-03-01 | 5 | WAREHOUSE_RECEIPT  | false | -          | 2026-02-01 | 2 | INVENTORY          | false | -          | B | REGISTRATION_ORDER",
            "768: the first registered factoring prevails             | 2026-01-05 | 1 | FACTORING          | false | -          | 2026-01-06 | 2 | FACTORING          | false | -          | A | REGISTRATION_ORDER",
            "414: same day, the registration sequence decides         | 2026-01-05 | 7 | RECEIVABLES_PLEDGE | false | -          | 2026-01-05 | 3 | RECEIVABLES_PLEDGE | false | -          | B | REGISTRATION_ORDER",
            "416: purchase money within 10 days beats an earlier charge | 2026-03-08 | 9 | EQUIPMENT        | true  | 2026-03-01 | 2025-06-01 | 1 | EQUIPMENT          | false | -          | A | PURCHASE_MONEY",
            "416: on the tenth day after delivery still counts        | 2026-03-11 | 9 | EQUIPMENT          | true  | 2026-03-01 | 2025-06-01 | 1 | EQUIPMENT          | false | -          | A | PURCHASE_MONEY",
            "416: the eleventh day is too late: registration order    | 2026-03-12 | 9 | EQUIPMENT          | true  | 2026-03-01 | 2025-06-01 | 1 | EQUIPMENT          | false | -          | B | REGISTRATION_ORDER",
            "416: registered before delivery counts                   | 2026-02-20 | 9 | INVENTORY          | true  | 2026-03-01 | 2025-06-01 | 1 | INVENTORY          | false | -          | A | PURCHASE_MONEY",
            "416: no delivery date stated, no super-priority          | 2026-03-08 | 9 | EQUIPMENT          | true  | -          | 2025-06-01 | 1 | EQUIPMENT          | false | -          | B | REGISTRATION_ORDER",
            "art. 57: retention of title takes the 416 priority       | 2026-03-05 | 9 | RETENTION_OF_TITLE | false | 2026-03-01 | 2025-06-01 | 1 | EQUIPMENT          | false | -          | A | PURCHASE_MONEY",
            "art. 57: a financial lease takes the 416 priority        | 2026-03-05 | 9 | FINANCIAL_LEASING  | false | 2026-03-01 | 2025-06-01 | 1 | EQUIPMENT          | false | -          | A | PURCHASE_MONEY",
            "two purchase-money interests: registration order         | 2026-03-05 | 9 | EQUIPMENT          | true  | 2026-03-01 | 2026-03-03 | 8 | RETENTION_OF_TITLE | false | 2026-03-01 | B | REGISTRATION_ORDER",
    })
    void two_interests_rank_by_the_rule_that_applies(String name, String aOn, long aSeq, String aType, boolean aPm,
                                                      String aDelivered, String bOn, long bSeq, String bType, boolean bPm,
                                                      String bDelivered, String first, Rule rule) {
        Interest a = interest("A", aOn, aSeq, aType, aPm, aDelivered);
        Interest b = interest("B", bOn, bSeq, bType, bPm, bDelivered);
        Interest winner = first.equals("A") ? a : b;
        Interest loser = first.equals("A") ? b : a;

        assertThat(Priority.ahead(winner, loser)).isEqualTo(rule);
        assertThat(Priority.ahead(loser, winner)).isNull();
        assertThat(Priority.rank(loser, List.of(winner)).position()).isEqualTo(2);
        assertThat(Priority.rank(winner, List.of(loser)).position()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} in the register, an ordinary-course buyer takes free: {1}")
    @CsvSource({"INVENTORY, true", "EQUIPMENT, true", "WAREHOUSE_RECEIPT, false", "BILL_OF_LADING, false",
            "RECEIVABLES_PLEDGE, false", "RETENTION_OF_TITLE, false", "FINANCIAL_LEASING, false"})
    void an_ordinary_course_buyer_takes_free_of_a_mortgage_only(CollateralType type, boolean free) {
        assertThat(Priority.buyerTakesFree(interest("A", "2026-01-05", 1, type.name(), false, null))).isEqualTo(free);
    }

    @ParameterizedTest(name = "{0} wanted where {1} is held: refused outright {2}")
    @CsvSource({"FACTORING, FACTORING, true", "FINANCIAL_LEASING, FINANCIAL_LEASING, true",
            "FINANCIAL_LEASING, RETENTION_OF_TITLE, true", "RECEIVABLES_PLEDGE, FACTORING, false",
            "FACTORING, RECEIVABLES_PLEDGE, false", "EQUIPMENT, EQUIPMENT, false", "WAREHOUSE_RECEIPT, INVENTORY, false",
            "FACTORING, FINANCIAL_LEASING, false"})
    void two_owners_of_one_asset_are_a_conflict_not_a_ranking(CollateralType wanted, CollateralType held, boolean refused) {
        assertThat(Priority.ownershipConflict(wanted, held)).isEqualTo(refused);
    }

    @org.junit.jupiter.api.Test
    void an_imported_national_filing_ranks_by_its_instant_against_the_platform_s() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        Interest external = new Interest("N", day, day.atTime(9, 0).atZone(BEIJING).toInstant(), 0,
                CollateralType.EQUIPMENT, false, null);
        Interest platform = new Interest("P", day, day.atTime(10, 0).atZone(BEIJING).toInstant(), 5,
                CollateralType.EQUIPMENT, false, null);
        assertThat(Priority.ahead(external, platform)).isEqualTo(Rule.REGISTRATION_ORDER);
        assertThat(Priority.ahead(platform, external)).isNull();
    }

    @org.junit.jupiter.api.Test
    void the_interests_ahead_are_listed_first_first_with_their_rule() {
        Interest mine = interest("M", "2026-04-01", 20, "EQUIPMENT", false, null);
        Interest lease = interest("L", "2026-03-25", 15, "FINANCIAL_LEASING", false, "2026-03-20");
        Interest old = interest("O", "2025-01-01", 3, "EQUIPMENT", false, null);
        Interest later = interest("X", "2026-05-01", 30, "EQUIPMENT", false, null);

        var ranking = Priority.rank(mine, List.of(old, later, lease));

        assertThat(ranking.position()).isEqualTo(3);
        assertThat(ranking.ahead()).extracting(a -> a.interest().number()).containsExactly("L", "O");
        assertThat(ranking.ahead()).extracting(Priority.Ahead::rule).containsExactly(Rule.PURCHASE_MONEY, Rule.REGISTRATION_ORDER);
    }
}
