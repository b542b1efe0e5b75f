package cn.chanrong.scf.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.scf.WarehouseReceipts.Price;
import cn.chanrong.scf.WarehouseReceipts.Revaluation;
import cn.chanrong.scf.domain.FinanceCalculator;
import cn.chanrong.scf.domain.Ltv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values every pledged receipt at the latest price on or before a date and moves it along its lines:
 * crossing the alert line raises LTV_ALERT, crossing the liquidation line raises MARGIN_CALL and opens
 * a margin call with a cure date; an open call is cured when LTV is back under the alert line and
 * lapses when the cure date has passed with LTV still above it. Only crossings raise alerts, so a
 * receipt that stays in alert is not alerted every day.
 */
@Component
class WarehouseRevaluation {

    private final ReceiptPledgeStore pledges;
    private final PriceStore prices;
    private final TradeFinance tradeFinance;
    private final AlertStore alerts;

    WarehouseRevaluation(ReceiptPledgeStore pledges, PriceStore prices, TradeFinance tradeFinance, AlertStore alerts) {
        this.pledges = pledges;
        this.prices = prices;
        this.tradeFinance = tradeFinance;
        this.alerts = alerts;
    }

    /** The value of goods at a price, to the fen. */
    static BigDecimal value(BigDecimal quantity, BigDecimal price) {
        return FinanceCalculator.value(quantity, price);
    }

    static String reference(String number) {
        return "warehouse-receipt:" + number;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Revaluation revalue(LocalDate date, String actor) {
        List<ReceiptPledgeStore.Pledged> pledged = pledges.lockPledged(date);
        int valued = 0, unpriced = 0, raised = 0, calls = 0, cured = 0, lapsed = 0;
        for (ReceiptPledgeStore.Pledged p : pledged) {
            Optional<Price> price = prices.latest(p.code(), p.unit(), date);
            if (price.isEmpty()) {
                unpriced++;
                continue;
            }
            valued++;
            BigDecimal value = value(p.quantity(), price.get().price());
            BigDecimal exposure = tradeFinance.byReference(reference(p.number())).map(Loan::principalOutstanding)
                    .orElse(BigDecimal.ZERO);
            Ltv ltv = Ltv.of(exposure, value);
            Ltv.State state = Ltv.state(ltv, p.alertLine(), p.liquidationLine());
            BigDecimal ratio = ltv.ratio().orElse(null);
            pledges.value(p.id(), date, price.get().date(), price.get().price(), p.quantity(), value, exposure, ratio,
                    state.name());
            Ltv.State before = Ltv.State.valueOf(p.state());
            String subject = "receipt:" + p.number();
            String shown = ratio == null ? "∞" : ratio.toPlainString();
            if (state != Ltv.State.NORMAL && before == Ltv.State.NORMAL) {
                alerts.raise("LTV_ALERT", p.institutionId(), p.ownerId(), subject, "LTV " + shown + " ≥ alert line "
                        + p.alertLine().toPlainString() + " (value " + value.toPlainString() + ", exposure "
                        + exposure.toPlainString() + ")", exposure, date);
                raised++;
            }
            if (state == Ltv.State.MARGIN_CALL && before != Ltv.State.MARGIN_CALL) {
                LocalDate cureBy = date.plusDays(p.cureDays());
                alerts.raise("MARGIN_CALL", p.institutionId(), p.ownerId(), subject, "LTV " + shown
                        + " ≥ liquidation line " + p.liquidationLine().toPlainString() + "; cure by " + cureBy, exposure,
                        date);
                calls += pledges.openMarginCall(p.id(), p.institutionId(), date, cureBy, ratio);
            }
            if (state == Ltv.State.NORMAL) {
                int n = pledges.cureMarginCalls(p.id(), date);
                cured += n;
                if (before != Ltv.State.NORMAL) {
                    alerts.clear(subject, List.of("LTV_ALERT", "MARGIN_CALL"), date, actor);
                }
            } else {
                lapsed += pledges.lapseMarginCalls(p.id(), date);
            }
            pledges.setLtvState(p.id(), state.name());
        }
        return new Revaluation(date, valued, unpriced, raised, calls, cured, lapsed);
    }
}
