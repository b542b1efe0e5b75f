package cn.chanrong.scf.domain;

import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What must hold of a fully-digital invoice before it can back a financing: a 20-digit number,
 * valid and distinct seller and buyer credit codes, amounts in fen, totals that add up to the
 * cent, and the sign and back-reference that tell a red-letter reversal from a blue invoice.
 * <p>
 * Codes (field in parentheses, arguments after the colon):
 * <ul>
 * <li>{@code invoice.required} (the field) — a mandatory field is missing or blank;</li>
 * <li>{@code invoice.number} (number): the value — not exactly 20 digits;</li>
 * <li>{@code invoice.seller-code} / {@code invoice.buyer-code}: the credit-code rejection's code and
 * arguments;</li>
 * <li>{@code invoice.same-party} (buyerCode): the code;</li>
 * <li>{@code invoice.amount-scale} (the field): the value — more than two decimals;</li>
 * <li>{@code invoice.total} (total): total, amount ex tax, tax, their sum;</li>
 * <li>{@code invoice.items-amount} (amountExTax) / {@code invoice.items-tax} (tax): sum of the lines,
 * header figure — only when the invoice has lines;</li>
 * <li>{@code invoice.item-tax-rate} (items[i].taxRate): the rate — outside 0..1;</li>
 * <li>{@code invoice.red-sign} / {@code invoice.blue-sign} (the field): the value — a red invoice
 * needs a negative amount and total and a tax ≤ 0, a blue one the opposite;</li>
 * <li>{@code invoice.original-number} (originalNumber): the value — a red invoice must name a
 * 20-digit original other than itself;</li>
 * <li>{@code invoice.original-on-blue} (originalNumber): the value — a blue invoice names none.</li>
 * </ul>
 */
public final class InvoiceRules {

    static final Pattern NUMBER = Pattern.compile("\\d{20}");

    private InvoiceRules() {
    }

    /** Every reason the invoice cannot be accepted; empty when it can. */
    public static List<Rejection> check(Invoice invoice) {
        List<Rejection> out = new ArrayList<>();
        checkParties(invoice, out);
        if (invoice.issuedOn() == null) {
            out.add(Rejection.of("invoice.required", "issuedOn"));
        }
        boolean amountsUsable = amount(invoice.amountExTax(), "amountExTax", out)
                & amount(invoice.tax(), "tax", out) & amount(invoice.total(), "total", out);
        if (amountsUsable) {
            BigDecimal sum = invoice.amountExTax().add(invoice.tax());
            if (sum.compareTo(invoice.total()) != 0) {
                out.add(Rejection.of("invoice.total", "total", invoice.total(), invoice.amountExTax(), invoice.tax(), sum));
            }
            checkSigns(invoice, out);
        }
        boolean linesUsable = checkItems(invoice.items(), out);
        if (amountsUsable && linesUsable && !invoice.items().isEmpty()) {
            BigDecimal amounts = invoice.items().stream().map(Invoice.Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal taxes = invoice.items().stream().map(Invoice.Item::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (amounts.compareTo(invoice.amountExTax()) != 0) {
                out.add(Rejection.of("invoice.items-amount", "amountExTax", amounts, invoice.amountExTax()));
            }
            if (taxes.compareTo(invoice.tax()) != 0) {
                out.add(Rejection.of("invoice.items-tax", "tax", taxes, invoice.tax()));
            }
        }
        checkOriginal(invoice, out);
        return List.copyOf(out);
    }

    private static void checkParties(Invoice invoice, List<Rejection> out) {
        if (invoice.number() == null || !NUMBER.matcher(invoice.number()).matches()) {
            out.add(Rejection.of("invoice.number", "number", String.valueOf(invoice.number())));
        }
        code(invoice.sellerCode(), "sellerCode", "invoice.seller-code", out);
        code(invoice.buyerCode(), "buyerCode", "invoice.buyer-code", out);
        if (invoice.sellerCode() != null && invoice.sellerCode().equals(invoice.buyerCode())) {
            out.add(Rejection.of("invoice.same-party", "buyerCode", invoice.buyerCode()));
        }
        required(invoice.sellerName(), "sellerName", out);
        required(invoice.buyerName(), "buyerName", out);
    }

    private static void code(String value, String field, String code, List<Rejection> out) {
        Optional<Rejection> problem = CreditCode.check(value, field);
        problem.ifPresent(p -> {
            List<Object> args = new ArrayList<>();
            args.add(p.code());
            args.addAll(p.args());
            out.add(Rejection.of(code, field, args.toArray()));
        });
    }

    private static void required(String value, String field, List<Rejection> out) {
        if (value == null || value.isBlank()) {
            out.add(Rejection.of("invoice.required", field));
        }
    }

    /** True when the amount is present and in fen. */
    private static boolean amount(BigDecimal value, String field, List<Rejection> out) {
        if (value == null) {
            out.add(Rejection.of("invoice.required", field));
            return false;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            out.add(Rejection.of("invoice.amount-scale", field, value));
            return false;
        }
        return true;
    }

    private static void checkSigns(Invoice invoice, List<Rejection> out) {
        String code = invoice.red() ? "invoice.red-sign" : "invoice.blue-sign";
        int strict = invoice.red() ? -1 : 1;
        if (invoice.amountExTax().signum() != strict) {
            out.add(Rejection.of(code, "amountExTax", invoice.amountExTax()));
        }
        if (invoice.tax().signum() == -strict) {
            out.add(Rejection.of(code, "tax", invoice.tax()));
        }
        if (invoice.total().signum() != strict) {
            out.add(Rejection.of(code, "total", invoice.total()));
        }
    }

    /** True when every line has usable amounts, so the sums mean something. */
    private static boolean checkItems(List<Invoice.Item> items, List<Rejection> out) {
        boolean usable = true;
        for (int i = 0; i < items.size(); i++) {
            Invoice.Item item = items.get(i);
            String prefix = "items[" + i + "].";
            required(item.name(), prefix + "name", out);
            usable &= amount(item.amount(), prefix + "amount", out);
            usable &= amount(item.tax(), prefix + "tax", out);
            if (item.taxRate() == null) {
                out.add(Rejection.of("invoice.required", prefix + "taxRate"));
            } else if (item.taxRate().signum() < 0 || item.taxRate().compareTo(BigDecimal.ONE) > 0) {
                out.add(Rejection.of("invoice.item-tax-rate", prefix + "taxRate", item.taxRate()));
            }
        }
        return usable;
    }

    private static void checkOriginal(Invoice invoice, List<Rejection> out) {
        String original = invoice.originalNumber();
        if (invoice.red()) {
            if (original == null || !NUMBER.matcher(original).matches() || original.equals(invoice.number())) {
                out.add(Rejection.of("invoice.original-number", "originalNumber", String.valueOf(original)));
            }
        } else if (original != null && !original.isBlank()) {
            out.add(Rejection.of("invoice.original-on-blue", "originalNumber", original));
        }
    }
}
