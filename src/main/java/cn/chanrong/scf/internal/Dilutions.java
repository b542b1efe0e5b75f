package cn.chanrong.scf.internal;

import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.shared.Wording;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Dilution: what reduces a receivable after it arose — a red-letter reversal of its invoice, a return,
 * a credit note. The receivable is reduced (never below zero) and, when it is financed, its funder is
 * alerted: the collateral behind the advance shrank.
 */
@Component
class Dilutions {

    private static final Wording WORDS = Wording.of("scf");

    private final ReceivableStore receivables;
    private final OfferStore offers;
    private final AlertStore alerts;
    private final PartyStore parties;

    Dilutions(ReceivableStore receivables, OfferStore offers, AlertStore alerts, PartyStore parties) {
        this.receivables = receivables;
        this.offers = offers;
        this.alerts = alerts;
        this.parties = parties;
    }

    /** A red-letter invoice reversed {@code amount} of {@code original}; returns 1 when a funder was alerted. */
    int invoiceReversed(String original, String redNumber, BigDecimal amount, String actor) {
        return receivables.byInvoice(original)
                .map(id -> dilute(id, amount, WORDS.both("dilution.red-letter", redNumber)) ? 1 : 0)
                .orElse(0);
    }

    /** Reduces the receivable; true when its funder was alerted. */
    boolean dilute(long receivableId, BigDecimal amount, String cause) {
        ReceivableStore.Dilutable r = receivables.lockForDilution(receivableId);
        BigDecimal applied = amount.min(r.amount().subtract(r.diluted()));
        receivables.addDiluted(receivableId, applied);
        if (ReceivableStatus.of(r.status()) != ReceivableStatus.FINANCED) {
            return false;
        }
        Long funder = offers.acceptedFunder(receivableId).orElse(null);
        String detail = cause + ": " + applied.toPlainString() + " of receivable " + r.number() + " ("
                + r.amount().toPlainString() + "), now " + r.amount().subtract(r.diluted()).subtract(applied).toPlainString();
        return alerts.raise("DILUTION", funder, r.creditorId(), "receivable:" + r.number(), detail, applied,
                parties.today());
    }
}
