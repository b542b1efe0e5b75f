package cn.chanrong.scf.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Valid invoices to start each test from, so a test changes only what it is about. */
final class Invoices {

    static final String SELLER = "91350100M000100Y43";
    static final String BUYER = "91110000MA01ABCD2Q";
    static final String NUMBER = "25352000000012345678";
    static final String ORIGINAL = "25352000000012340000";

    private Invoices() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** 10,000.00 + 1,300.00 goods at 13 % and 500.00 + 30.00 services at 6 %. */
    static Invoice blue() {
        return new Invoice(NUMBER, LocalDate.of(2025, 6, 1), SELLER, "福州甲制造有限公司", BUYER, "北京乙集团有限公司",
                d("10500.00"), d("1330.00"), d("11830.00"), false, null, List.of(
                new Invoice.Item("*钢材*热轧卷板", "1080206010000000000", d("2"), "吨", d("10000.00"), d("0.13"), d("1300.00")),
                new Invoice.Item("*运输服务*运费", "3010101020000000000", null, null, d("500.00"), d("0.06"), d("30.00"))));
    }

    /** The full reversal of {@link #blue()}. */
    static Invoice red() {
        return new Invoice(NUMBER, LocalDate.of(2025, 6, 20), SELLER, "福州甲制造有限公司", BUYER, "北京乙集团有限公司",
                d("-10500.00"), d("-1330.00"), d("-11830.00"), true, ORIGINAL, List.of(
                new Invoice.Item("*钢材*热轧卷板", "1080206010000000000", d("-2"), "吨", d("-10000.00"), d("0.13"), d("-1300.00")),
                new Invoice.Item("*运输服务*运费", "3010101020000000000", null, null, d("-500.00"), d("0.06"), d("-30.00"))));
    }

    static Invoice withAmounts(Invoice i, String exTax, String tax, String total) {
        return new Invoice(i.number(), i.issuedOn(), i.sellerCode(), i.sellerName(), i.buyerCode(), i.buyerName(),
                exTax == null ? null : d(exTax), tax == null ? null : d(tax), total == null ? null : d(total), i.red(),
                i.originalNumber(), i.items());
    }

    static Invoice withParties(Invoice i, String number, String sellerCode, String buyerCode) {
        return new Invoice(number, i.issuedOn(), sellerCode, i.sellerName(), buyerCode, i.buyerName(), i.amountExTax(),
                i.tax(), i.total(), i.red(), i.originalNumber(), i.items());
    }

    static Invoice withRed(Invoice i, boolean red, String originalNumber) {
        return new Invoice(i.number(), i.issuedOn(), i.sellerCode(), i.sellerName(), i.buyerCode(), i.buyerName(),
                i.amountExTax(), i.tax(), i.total(), red, originalNumber, i.items());
    }

    static Invoice withItems(Invoice i, List<Invoice.Item> items) {
        return new Invoice(i.number(), i.issuedOn(), i.sellerCode(), i.sellerName(), i.buyerCode(), i.buyerName(),
                i.amountExTax(), i.tax(), i.total(), i.red(), i.originalNumber(), items);
    }
}
