package cn.chanrong.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportingInvoiceTests {

    static final String BORROWER = "91350100MA00000011";
    static final String NUMBER = "26440000000000000001";

    /**
     * One invoice of 1,130,000.00 issued by 闽江机床（福州）有限公司 to the borrower, varied one fact at a time:
     * the payee, the amount, the buyer, the reversals, an earlier payment, a financed receivable.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            as issued                        | 闽江机床（福州）有限公司      | 1130000.00 | 91350100MA00000011 | 0.00       | -       | -                | -
            spaces and brackets differ       | 闽江机床( 福州）有限公司  | 1130000.00 | 91350100MA00000011 | 0.00       | -       | -                | -
            paid to another                  | 榕城贸易有限公司      | 500000.00  | 91350100MA00000011 | 0.00       | -       | -                | monitoring.invoice.seller
            more than the invoice            | 闽江机床（福州）有限公司      | 1130000.01 | 91350100MA00000011 | 0.00       | -       | -                | monitoring.invoice.amount
            more than is left after red      | 闽江机床（福州）有限公司      | 1000000.00 | 91350100MA00000011 | 200000.00  | -       | -                | monitoring.invoice.amount
            reversed in full                 | 闽江机床（福州）有限公司      | 1000.00    | 91350100MA00000011 | 1130000.00 | -       | -                | monitoring.invoice.reversed
            another buyer                    | 闽江机床（福州）有限公司      | 1000.00    | 91350100MA00000029 | 0.00       | -       | -                | monitoring.invoice.buyer
            used by an earlier payment       | 闽江机床（福州）有限公司      | 1000.00    | 91350100MA00000011 | 0.00       | L0001   | -                | monitoring.invoice.used
            behind a financed receivable     | 闽江机床（福州）有限公司      | 1000.00    | 91350100MA00000011 | 0.00       | -       | AR2026120700001  | monitoring.invoice.financed
            """)
    void an_invoice_supports_a_payment_to_its_seller_by_its_buyer_once(String caseName, String payee, String amount,
                                                                       String buyer, String reversed, String earlierLoan,
                                                                       String financed, String refused) {
        var invoice = new SupportingInvoice.Invoice(NUMBER, "闽江机床（福州）有限公司", buyer, new BigDecimal("1130000.00"),
                new BigDecimal(reversed), financed);
        var earlier = earlierLoan == null ? null
                : new SupportingInvoice.EarlierUse(earlierLoan, "闽江机床（福州）有限公司", new BigDecimal("1130000.00"),
                LocalDate.of(2026, 11, 2));
        List<Rejection> problems = SupportingInvoice.check(NUMBER,
                new SupportingInvoice.Payment(payee, new BigDecimal(amount), BORROWER), invoice, earlier);
        if (refused == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(Rejection::code).containsExactly(refused);
            assertThat(problems.getFirst().field()).isEqualTo("invoice");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            L20261102000001 | 2026-11-02
            """)
    void the_refusal_of_a_used_invoice_names_the_earlier_payment(String loan, LocalDate on) {
        var invoice = new SupportingInvoice.Invoice(NUMBER, "闽江机床（福州）有限公司", BORROWER, new BigDecimal("1130000.00"),
                BigDecimal.ZERO, null);
        var problems = SupportingInvoice.check(NUMBER, new SupportingInvoice.Payment("闽江机床（福州）有限公司",
                new BigDecimal("1000.00"), BORROWER), invoice,
                new SupportingInvoice.EarlierUse(loan, "闽江机床（福州）有限公司", new BigDecimal("800000.00"), on));
        assertThat(problems.getFirst().args()).containsExactly(NUMBER, on, loan, "闽江机床（福州）有限公司", "800000.00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            26449999999999999999
            """)
    void an_invoice_the_platform_does_not_hold_supports_nothing(String number) {
        assertThat(SupportingInvoice.check(number, new SupportingInvoice.Payment("闽江机床（福州）有限公司", BigDecimal.ONE, BORROWER),
                null, null)).extracting(Rejection::code).containsExactly("monitoring.invoice.unknown");
    }
}
