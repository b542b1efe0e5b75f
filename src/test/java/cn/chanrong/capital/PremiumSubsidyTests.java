package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.capital.domain.PremiumSubsidy;
import cn.chanrong.capital.domain.SubsidyClaimStatus;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Transition;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 首台（套） terms (rate cap 3 %, 80 % of the premium, three years of cover), one row per case. */
class PremiumSubsidyTests {

    private static final PremiumSubsidy.Terms FIRST_SET = new PremiumSubsidy.Terms(new BigDecimal("3"), new BigDecimal("80"), 3);

    @ParameterizedTest(name = "{0} at {1} %: premium {2}, subsidy {3}, rule {4}")
    @CsvSource({
            "12000000.00, 2.8,    336000.00, 268800.00, ok",
            "10000000.00, 3,      300000.00, 240000.00, ok",
            "10000000.00, 3.0001, 300010.00, 240008.00, insurance.premium-cap",
            "3333333.33,  1.5,    50000.00,  40000.00,  ok",
            "1234567.89,  2.75,   33950.62,  27160.50,  ok"})
    void premium_and_subsidy_to_the_fen_and_the_cap(String sum, String rate, String premium, String subsidy, String rule) {
        BigDecimal p = PremiumSubsidy.premium(new BigDecimal(sum), new BigDecimal(rate));
        assertThat(p).isEqualByComparingTo(premium);
        assertThat(PremiumSubsidy.subsidy(FIRST_SET, p)).isEqualByComparingTo(subsidy);
        assertThat(PremiumSubsidy.rate(FIRST_SET, new BigDecimal(rate)).stream().map(Rejection::code).findFirst().orElse("ok"))
                .isEqualTo(rule);
    }

    @ParameterizedTest(name = "first {0}, cover to {1}: {2}")
    @CsvSource({
            "2026-01-01, 2027-01-01, ok",
            "2026-01-01, 2029-01-01, ok",
            "2026-01-01, 2029-01-02, insurance.subsidy.years",
            "2024-03-15, 2027-03-16, insurance.subsidy.years"})
    void three_years_of_cover_from_the_first_subsidised(LocalDate first, LocalDate end, String rule) {
        assertThat(PremiumSubsidy.years(FIRST_SET, first, end).stream().map(Rejection::code).findFirst().orElse("ok"))
                .isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "CLAIMED, CONFIRMED, ok",
            "CONFIRMED, PAID, ok",
            "CLAIMED, PAID, insurance.claim.confirm-first",
            "CONFIRMED, CONFIRMED, insurance.claim.confirmed-already",
            "CLAIMED, REFUSED, ok",
            "CONFIRMED, REFUSED, ok",
            "PAID, REFUSED, insurance.claim.final",
            "REFUSED, CONFIRMED, insurance.claim.final"})
    void a_claim_is_confirmed_then_paid_or_refused(SubsidyClaimStatus from, SubsidyClaimStatus to, String rule) {
        Transition<SubsidyClaimStatus> t = from.to(to);
        if (rule.equals("ok")) {
            assertThat(t.orThrow()).isEqualTo(to);
        } else {
            assertThat(t).isInstanceOfSatisfying(Transition.Refused.class,
                    r -> assertThat(r.rejection().code()).isEqualTo(rule));
        }
    }
}
