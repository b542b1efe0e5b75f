package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The notice to the debtor, worded in {@code wording/scf*.properties}: the text stored before the bundle, to the byte. */
class DebtorNoticeTests {

    private static final BigDecimal AMOUNT = new BigDecimal("3390000.00");
    private static final LocalDate DUE = LocalDate.of(2026, 10, 8);

    @Test
    void an_assignment_notice_in_chinese_and_english() {
        assertThat(DebtorNotice.of("FACTORING", "闽江装备", "福州精密", "AR2026070100000001", AMOUNT, DUE, "福州银行")
                .text("RG2026000001")).isEqualTo("应收账款转让通知：致 闽江装备，贵司对 福州精密 的应收账款 AR2026070100000001"
                        + "（金额 3390000.00 元，到期日 2026-10-08）已转让予 福州银行，登记编号 RG2026000001。请于到期日将款项付至其监管账户。"
                        + " / Assignment notice to 闽江装备: receivable AR2026070100000001 is assigned to 福州银行"
                        + " (filing RG2026000001); pay into its collection account at maturity.");
    }

    @Test
    void a_pledge_notice_in_chinese_and_english() {
        assertThat(DebtorNotice.of("PLEDGE", "Debtor's Co", "Seller", "AR1", new BigDecimal("1E+3"), DUE, "Bank")
                .text("RG1")).isEqualTo("应收账款质押通知：致 Debtor's Co，贵司对 Seller 的应收账款 AR1"
                        + "（金额 1000 元，到期日 2026-10-08）已出质予 Bank，登记编号 RG1。请于到期日将款项付至其监管账户。"
                        + " / Pledge notice to Debtor's Co: receivable AR1 is pledged to Bank (filing RG1); pay into its"
                        + " collection account at maturity.");
    }

    @Test
    void both_languages_word_the_same_things() throws IOException {
        assertThat(load("wording/scf_en.properties").stringPropertyNames())
                .isEqualTo(load("wording/scf.properties").stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DebtorNoticeTests.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
