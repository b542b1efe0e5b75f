package cn.chanrong.scf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The platform's fully-digital invoices (数电发票) as other modules check a payment against them. */
public interface InvoiceRegister {

    /**
     * A blue invoice: its parties, its total, what red-letter invoices reversed of it, and the number of a
     * financed receivable it backs (null when none).
     */
    record InvoiceFacts(String number, LocalDate issuedOn, String sellerCode, String sellerName, String buyerCode,
                        BigDecimal total, BigDecimal reversed, String financedReceivable) {

        /** What is left of the invoice after its reversals. */
        public BigDecimal left() {
            return total.subtract(reversed);
        }
    }

    /** The blue invoice of that number; empty when the platform holds none (or only a red-letter one). */
    Optional<InvoiceFacts> invoice(String number);
}
