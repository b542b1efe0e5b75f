package cn.chanrong.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuaranteeChainTests {

    /**
     * Worked by hand. 20:40:20:20 on 1,000,000.00: the bank bears 200,000.00, the agency pays it 800,000.00 and gets
     * 400,000.00 from the re-guarantor, which gets 200,000.00 from the fund. On 333,333.33 the parts round half up
     * (66,666.67, 133,333.33, 66,666.67) and the fund takes the rest (66,666.66), so the parts add up to the loss.
     */
    @ParameterizedTest(name = "{0} at {1}:{2}:{3}:{4}")
    @CsvSource(delimiter = '|', textBlock = """
            1000000.00 | 20 | 40 | 20 | 20 | 200000.00 | 400000.00 | 200000.00 | 200000.00 | 800000.00 | 400000.00
            333333.33  | 20 | 40 | 20 | 20 | 66666.67  | 133333.33 | 66666.67  | 66666.66  | 266666.66 | 133333.33
            2800000.00 | 20 | 40 | 20 | 20 | 560000.00 | 1120000.00| 560000.00 | 560000.00 | 2240000.00| 1120000.00
            120000.00  | 20 | 40 | 20 | 20 | 24000.00  | 48000.00  | 24000.00  | 24000.00  | 96000.00  | 48000.00
            500000.00  | 30 | 30 | 25 | 15 | 150000.00 | 150000.00 | 125000.00 | 75000.00  | 350000.00 | 200000.00
            0.01       | 20 | 40 | 20 | 20 | 0.00      | 0.00      | 0.00      | 0.01      | 0.01      | 0.01
            """)
    void a_loss_is_shared_to_the_fen_and_paid_along_the_chain(BigDecimal loss, BigDecimal b, BigDecimal a, BigDecimal r,
                                                              BigDecimal f, BigDecimal bank, BigDecimal agency,
                                                              BigDecimal reguarantor, BigDecimal fund, BigDecimal agencyPays,
                                                              BigDecimal reguarantorPays) {
        var s = GuaranteeChain.split(loss, new GuaranteeChain.Shares(b, a, r, f));
        assertThat(s.bankPart()).isEqualByComparingTo(bank);
        assertThat(s.agencyPart()).isEqualByComparingTo(agency);
        assertThat(s.reguarantorPart()).isEqualByComparingTo(reguarantor);
        assertThat(s.fundPart()).isEqualByComparingTo(fund);
        assertThat(s.agencyPays()).isEqualByComparingTo(agencyPays);
        assertThat(s.reguarantorPays()).isEqualByComparingTo(reguarantorPays);
        assertThat(s.fundPays()).isEqualByComparingTo(fund);
        assertThat(s.bankPart().add(s.agencyPart()).add(s.reguarantorPart()).add(s.fundPart())).isEqualByComparingTo(loss);
    }
}
