package cn.chanrong.scf.domain;

import static cn.chanrong.scf.domain.Invoices.BUYER;
import static cn.chanrong.scf.domain.Invoices.NUMBER;
import static cn.chanrong.scf.domain.Invoices.ORIGINAL;
import static cn.chanrong.scf.domain.Invoices.SELLER;
import static cn.chanrong.scf.domain.Invoices.blue;
import static cn.chanrong.scf.domain.Invoices.d;
import static cn.chanrong.scf.domain.Invoices.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.chanrong.shared.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceRulesTests {

    static List<String> codes(Invoice invoice) {
        return InvoiceRules.check(invoice).stream().map(Rejection::code).toList();
    }

    @Test
    void a_valid_blue_invoice_passes() {
        assertThat(InvoiceRules.check(blue())).isEmpty();
    }

    @Test
    void a_valid_red_reversal_passes() {
        assertThat(InvoiceRules.check(red())).isEmpty();
    }

    @Test
    void a_summary_without_lines_is_checked_on_its_totals_only() {
        assertThat(InvoiceRules.check(Invoices.withItems(blue(), List.of()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2535200000001234567", "253520000000123456789", "2535200000001234567X", "２５３５２０００００００１２３４５６７８"})
    void the_number_must_be_exactly_20_ascii_digits(String number) {
        assertThat(InvoiceRules.check(Invoices.withParties(blue(), number, SELLER, BUYER)))
                .containsExactly(Rejection.of("invoice.number", "number", number));
    }

    @Test
    void a_missing_number_is_named() {
        assertThat(codes(Invoices.withParties(blue(), null, SELLER, BUYER))).containsExactly("invoice.number");
    }

    @Test
    void a_bad_seller_code_carries_the_credit_code_reason() {
        String wrongCheck = SELLER.substring(0, 17) + "0";
        assertThat(InvoiceRules.check(Invoices.withParties(blue(), NUMBER, wrongCheck, BUYER)))
                .containsExactly(Rejection.of("invoice.seller-code", "sellerCode", "credit-code.check", 18, "3", "0"));
    }

    @Test
    void a_bad_buyer_code_is_its_own_rejection() {
        assertThat(InvoiceRules.check(Invoices.withParties(blue(), NUMBER, SELLER, "123")))
                .containsExactly(Rejection.of("invoice.buyer-code", "buyerCode", "credit-code.length", 18, 3));
    }

    @Test
    void seller_and_buyer_must_differ() {
        assertThat(codes(Invoices.withParties(blue(), NUMBER, SELLER, SELLER))).containsExactly("invoice.same-party");
    }

    @Test
    void more_than_two_decimals_is_refused_and_skips_the_sums() {
        assertThat(InvoiceRules.check(Invoices.withAmounts(blue(), "10500.001", "1330.00", "11830.00")))
                .containsExactly(Rejection.of("invoice.amount-scale", "amountExTax", d("10500.001")));
    }

    @Test
    void trailing_zeros_beyond_fen_are_harmless() {
        assertThat(InvoiceRules.check(Invoices.withAmounts(blue(), "10500.0000", "1330", "11830.000"))).isEmpty();
    }

    @Test
    void the_total_must_equal_amount_plus_tax_exactly() {
        assertThat(InvoiceRules.check(Invoices.withAmounts(blue(), "10500.00", "1330.00", "11830.01")))
                .containsExactly(Rejection.of("invoice.total", "total", d("11830.01"), d("10500.00"), d("1330.00"), d("11830.00")));
    }

    @Test
    void the_lines_must_add_up_to_the_header_amount_and_tax() {
        assertThat(InvoiceRules.check(Invoices.withAmounts(blue(), "10400.00", "1320.00", "11720.00")))
                .extracting(Rejection::code, Rejection::field)
                .containsExactly(tuple("invoice.items-amount", "amountExTax"), tuple("invoice.items-tax", "tax"));
    }

    @Test
    void a_blue_invoice_may_carry_a_negative_discount_line() {
        Invoice i = Invoices.withItems(Invoices.withAmounts(blue(), "9500.00", "1235.00", "10735.00"), List.of(
                new Invoice.Item("*钢材*热轧卷板", null, d("1"), "吨", d("10000.00"), d("0.13"), d("1300.00")),
                new Invoice.Item("*钢材*热轧卷板", null, null, null, d("-500.00"), d("0.13"), d("-65.00"))));
        assertThat(InvoiceRules.check(i)).isEmpty();
    }

    @Test
    void line_fields_are_named_by_index() {
        Invoice i = Invoices.withItems(blue(), List.of(
                new Invoice.Item(" ", null, null, null, d("10000.00"), d("1.3"), d("1300.00")),
                new Invoice.Item("运费", null, null, null, null, null, d("30.00"))));
        assertThat(InvoiceRules.check(i)).extracting(Rejection::code, Rejection::field).containsExactly(
                tuple("invoice.required", "items[0].name"),
                tuple("invoice.item-tax-rate", "items[0].taxRate"),
                tuple("invoice.required", "items[1].amount"),
                tuple("invoice.required", "items[1].taxRate"));
    }

    @Test
    void a_red_invoice_needs_negative_amounts() {
        Invoice positiveRed = Invoices.withRed(blue(), true, ORIGINAL);
        assertThat(InvoiceRules.check(positiveRed)).extracting(Rejection::code, Rejection::field).containsExactly(
                tuple("invoice.red-sign", "amountExTax"), tuple("invoice.red-sign", "tax"), tuple("invoice.red-sign", "total"));
    }

    @Test
    void a_blue_invoice_needs_positive_amounts() {
        Invoice negativeBlue = Invoices.withRed(red(), false, null);
        assertThat(codes(negativeBlue)).containsExactly("invoice.blue-sign", "invoice.blue-sign", "invoice.blue-sign");
    }

    @Test
    void zero_tax_is_allowed_on_either_colour() {
        Invoice exempt = Invoices.withItems(Invoices.withAmounts(blue(), "100.00", "0.00", "100.00"), List.of());
        assertThat(InvoiceRules.check(exempt)).isEmpty();
        Invoice exemptRed = Invoices.withItems(Invoices.withAmounts(red(), "-100.00", "0", "-100.00"), List.of());
        assertThat(InvoiceRules.check(exemptRed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "2535200000001234000X"})
    void a_red_invoice_must_name_a_20_digit_original(String original) {
        assertThat(InvoiceRules.check(Invoices.withRed(red(), true, original)))
                .containsExactly(Rejection.of("invoice.original-number", "originalNumber", original));
    }

    @Test
    void a_red_invoice_cannot_reverse_itself_or_nothing() {
        assertThat(codes(Invoices.withRed(red(), true, NUMBER))).containsExactly("invoice.original-number");
        assertThat(codes(Invoices.withRed(red(), true, null))).containsExactly("invoice.original-number");
    }

    @Test
    void a_blue_invoice_names_no_original() {
        assertThat(InvoiceRules.check(Invoices.withRed(blue(), false, ORIGINAL)))
                .containsExactly(Rejection.of("invoice.original-on-blue", "originalNumber", ORIGINAL));
    }

    @Test
    void missing_fields_are_each_named() {
        Invoice empty = new Invoice(NUMBER, null, SELLER, "", BUYER, null, null, d("1"), d("1"), false, null, null);
        assertThat(InvoiceRules.check(empty)).extracting(Rejection::code, Rejection::field).containsExactly(
                tuple("invoice.required", "sellerName"), tuple("invoice.required", "buyerName"),
                tuple("invoice.required", "issuedOn"), tuple("invoice.required", "amountExTax"));
    }
}
