package cn.chanrong.cashflow.domain;

import cn.chanrong.cashflow.domain.StatementFormatException.Place;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A batched camt entry: one {@code Ntry} whose {@code NtryDtls} carry several {@code TxDtls} (a payroll
 * run, a collection of customer payments, a supplier payment run). Booking the entry as one line would
 * keep only the first payee; the bank sent every transaction, so each becomes its own
 * {@link EntryDraft} under the entry's reference and dates. The rules, by element of each
 * {@code TxDtls}:
 * <ul>
 * <li>Amount: {@code Amt}, else {@code AmtDtls/TxAmt/Amt} (the transaction amount in the account's
 *     currency); of the two, the one in the entry's currency is taken when both are there. A
 *     transaction without either is refused ({@code entry.amount}): its payee cannot be weighed.</li>
 * <li>Direction: the transaction's {@code CdtDbtInd} when present (a returned item inside a batch),
 *     else the entry's. The counterparty is the debtor of a credit and the creditor of a debit
 *     ({@code RltdPties/Dbtr|Cdtr}, name and account, as for a whole entry).</li>
 * <li>Remittance: {@code RmtInf/Ustrd} lines, else {@code AddtlTxInf}, else the entry's {@code AddtlNtryInf}.</li>
 * <li>Key: {@code Refs/AcctSvcrRef}, else {@code Refs/EndToEndId} (NOTPROVIDED counts as absent), else
 *     {@code #n} for the n-th transaction of the entry; a key already used in the entry falls back to
 *     {@code #n}. The same file always yields the same keys, so importing it again stores nothing twice.</li>
 * <li>Total: the signed transaction amounts must sum to the signed entry amount, else the entry is
 *     refused naming both figures ({@code entry.batch-total}). A transaction in another currency is
 *     left for the account-currency rule ({@link AccountCurrency}) to refuse by name.</li>
 * </ul>
 */
final class CamtBatch {

    private CamtBatch() {
    }

    /** The entry's facts every transaction shares. */
    record Entry(String reference, Place place, LocalDate booking, LocalDate value, boolean credit, BigDecimal amount,
                 String currency, String information) {
    }

    static List<EntryDraft> split(Entry entry, List<XmlNode> transactions) {
        List<EntryDraft> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean oneCurrency = true;
        for (int i = 0; i < transactions.size(); i++) {
            XmlNode tx = transactions.get(i);
            String field = "TxDtls[" + (i + 1) + "]";
            XmlNode amt = pick(tx, entry.currency());
            if (amt == null) {
                throw new StatementFormatException("entry.amount", entry.place(), field + "/Amt",
                        "a transaction of a batched entry has neither Amt nor AmtDtls/TxAmt/Amt",
                        "批量分录中的交易既无 Amt 也无 AmtDtls/TxAmt/Amt");
            }
            BigDecimal amount = CamtMapper.amount(amt, entry.place(), field + "/Amt");
            String currency = amt.attribute("Ccy") == null ? entry.currency() : amt.attribute("Ccy");
            if (!Money.isCurrency(currency)) {
                throw new StatementFormatException("entry.currency", entry.place(), field + "/Amt/@Ccy",
                        "not an ISO 4217 code: " + StatementFormatException.quote(currency), "不是 ISO 4217 币种代码");
            }
            oneCurrency &= currency.equals(entry.currency());
            boolean credit = tx.text("CdtDbtInd") == null ? entry.credit() : CamtMapper.credit(tx.text("CdtDbtInd"), entry.place());
            BigDecimal signed = credit ? amount : amount.negate();
            total = total.add(signed);
            String party = credit ? "Dbtr" : "Cdtr";
            String name = tx.firstText("RltdPties/" + party + "/Nm", "RltdPties/" + party + "/Pty/Nm");
            String account = tx.firstText("RltdPties/" + party + "Acct/Id/IBAN", "RltdPties/" + party + "Acct/Id/Othr/Id");
            String remittance = remittance(tx);
            if (remittance == null) {
                remittance = tx.text("AddtlTxInf") != null ? tx.text("AddtlTxInf") : entry.information();
            }
            String key = CamtMapper.present(tx.text("Refs/AcctSvcrRef"), tx.text("Refs/EndToEndId"));
            if (key == null || !keys.add(key)) {
                key = "#" + (i + 1);
                keys.add(key);
            }
            out.add(new EntryDraft(entry.reference(), entry.booking(), entry.value(), signed, currency, name, account,
                    remittance, key));
        }
        BigDecimal expected = entry.credit() ? entry.amount() : entry.amount().negate();
        if (oneCurrency && total.compareTo(expected) != 0) {
            String sum = Money.scale(total).toPlainString();
            String whole = Money.scale(expected).toPlainString();
            throw new StatementFormatException("entry.batch-total", entry.place(), "TxDtls/Amt",
                    "the " + transactions.size() + " transactions sum to " + sum + ", but the entry amount is " + whole,
                    transactions.size() + " 笔交易合计 " + sum + "，与分录金额 " + whole + " 不符");
        }
        return out;
    }

    /** Amt or AmtDtls/TxAmt/Amt, preferring the one in the entry's currency; null when neither is there. */
    private static XmlNode pick(XmlNode tx, String entryCurrency) {
        XmlNode first = null;
        for (XmlNode candidate : new XmlNode[] {tx.find("Amt"), tx.find("AmtDtls/TxAmt/Amt")}) {
            if (candidate == null) {
                continue;
            }
            String ccy = candidate.attribute("Ccy");
            if (ccy == null || ccy.equals(entryCurrency)) {
                return candidate;
            }
            if (first == null) {
                first = candidate;
            }
        }
        return first;
    }

    /** The RmtInf/Ustrd lines joined with a space; null when there are none. */
    static String remittance(XmlNode tx) {
        XmlNode rmt = tx.find("RmtInf");
        if (rmt == null) {
            return null;
        }
        String joined = rmt.children("Ustrd").stream().map(XmlNode::text).filter(t -> t != null)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
