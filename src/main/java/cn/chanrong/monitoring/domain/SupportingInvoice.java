package cn.chanrong.monitoring.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an invoice may support a payment out of a loan (a pure rule, FACTS §10 and issue 18 §1): it must
 * be one of the platform's fully-digital invoices, not reversed in full, issued to the borrower by the
 * payee, for at least the payment after its reversals, and not already resting under another payment or
 * under a financed receivable — the earlier use is named.
 */
public final class SupportingInvoice {

    private SupportingInvoice() {
    }

    /** The payment as the check sees it. */
    public record Payment(String payee, BigDecimal amount, String borrowerCode) {
    }

    /** The invoice as the platform holds it; {@code financedReceivable} is null when no financing rests on it. */
    public record Invoice(String number, String sellerName, String buyerCode, BigDecimal total, BigDecimal reversed,
                          String financedReceivable) {

        BigDecimal left() {
            return total.subtract(reversed);
        }
    }

    /** A payment the invoice already supports. */
    public record EarlierUse(String loanNumber, String payee, BigDecimal amount, LocalDate valueDate) {
    }

    /**
     * The reasons the invoice may not support the payment; empty when it may. {@code invoice} is null when
     * the platform holds no such invoice; {@code earlier} is null when it supports no payment yet.
     */
    public static List<Rejection> check(String number, Payment p, Invoice invoice, EarlierUse earlier) {
        List<Rejection> out = new ArrayList<>();
        if (invoice == null) {
            out.add(Rejection.of("monitoring.invoice.unknown", "invoice", number));
            return out;
        }
        if (earlier != null) {
            out.add(Rejection.of("monitoring.invoice.used", "invoice", number, earlier.valueDate(), earlier.loanNumber(),
                    earlier.payee(), earlier.amount().toPlainString()));
        }
        if (invoice.financedReceivable() != null) {
            out.add(Rejection.of("monitoring.invoice.financed", "invoice", number, invoice.financedReceivable()));
        }
        if (invoice.left().signum() <= 0) {
            out.add(Rejection.of("monitoring.invoice.reversed", "invoice", number));
            return out;
        }
        if (!invoice.buyerCode().equals(p.borrowerCode())) {
            out.add(Rejection.of("monitoring.invoice.buyer", "invoice", number));
        }
        if (!sameName(invoice.sellerName(), p.payee())) {
            out.add(Rejection.of("monitoring.invoice.seller", "invoice", number, invoice.sellerName(), p.payee()));
        }
        if (p.amount().compareTo(invoice.left()) > 0) {
            out.add(Rejection.of("monitoring.invoice.amount", "invoice", p.amount().toPlainString(), number,
                    invoice.left().toPlainString()));
        }
        return out;
    }

    /** Names compared as written on Chinese invoices: spaces ignored, full-width and ASCII brackets alike. */
    static boolean sameName(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }
}
