package cn.chanrong.scf.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A fully-digital invoice (数电发票) as a funder checks it before financing the receivable it
 * evidences (FACTS §4, "invoice authenticity"). Amounts are yuan with at most two decimals; a
 * red-letter invoice (红字发票, {@code red}) reverses the blue invoice named by
 * {@code originalNumber} and carries negative amounts. The record holds what was read, right or
 * wrong: {@link InvoiceRules#check} says what is wrong with it.
 * <p>
 * {@code items} is empty for a summary record (such as a CSV line); it is never null.
 */
public record Invoice(String number, LocalDate issuedOn, String sellerCode, String sellerName, String buyerCode,
                      String buyerName, BigDecimal amountExTax, BigDecimal tax, BigDecimal total, boolean red,
                      String originalNumber, List<Item> items) {

    public Invoice {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One invoice line: goods or service name, the 19-digit tax classification code
     * (税收分类编码), quantity and unit (both absent for most services), the amount before tax, the
     * rate as a fraction (0.13 for 13 %) and the line's tax. A blue invoice may carry a negative
     * discount line, so a line's sign is not checked on its own.
     */
    public record Item(String name, String taxCode, BigDecimal quantity, String unit, BigDecimal amount,
                       BigDecimal taxRate, BigDecimal tax) {
    }
}
