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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final CommodityPrices prices;
    private final TradeFinance tradeFinance;
    private final Alerts alerts;

    WarehouseRevaluation(JdbcClient jdbc, CommodityPrices prices, TradeFinance tradeFinance, Alerts alerts) {
        this.jdbc = jdbc;
        this.prices = prices;
        this.tradeFinance = tradeFinance;
        this.alerts = alerts;
    }

    private record Pledged(long id, String number, long ownerId, String code, String unit, BigDecimal quantity,
                           long institutionId, BigDecimal alertLine, BigDecimal liquidationLine, int cureDays,
                           String state) {
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
        List<Pledged> pledged = jdbc.sql("""
                        SELECT r.id, r.number, r.owner_id, r.commodity_code, r.unit, r.quantity, p.institution_id,
                               p.alert_line, p.liquidation_line, p.cure_days, p.ltv_state
                          FROM scf_warehouse_receipt r JOIN scf_receipt_pledge p ON p.receipt_id = r.id
                         WHERE r.status = 'PLEDGED' AND p.pledged_on <= :d
                         ORDER BY r.id FOR UPDATE OF r, p""")
                .param("d", date)
                .query((rs, i) -> new Pledged(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                        rs.getInt(10), rs.getString(11)))
                .list();
        int valued = 0, unpriced = 0, raised = 0, calls = 0, cured = 0, lapsed = 0;
        for (Pledged p : pledged) {
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
            jdbc.sql("""
                            INSERT INTO scf_receipt_valuation (receipt_id, valued_on, priced_on, price, quantity, value,
                                exposure, ltv, state)
                            VALUES (:r, :d, :pd, :p, :q, :v, :x, :ltv, :s)
                            ON CONFLICT (receipt_id, valued_on) DO UPDATE SET priced_on = EXCLUDED.priced_on,
                                price = EXCLUDED.price, quantity = EXCLUDED.quantity, value = EXCLUDED.value,
                                exposure = EXCLUDED.exposure, ltv = EXCLUDED.ltv, state = EXCLUDED.state,
                                created_at = now()""")
                    .param("r", p.id()).param("d", date).param("pd", price.get().date()).param("p", price.get().price())
                    .param("q", p.quantity()).param("v", value).param("x", exposure).param("ltv", ratio)
                    .param("s", state.name()).update();
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
                calls += jdbc.sql("""
                                INSERT INTO scf_margin_call (receipt_id, institution_id, raised_on, cure_by, ltv, status)
                                VALUES (:r, :i, :d, :c, :ltv, 'OPEN')
                                ON CONFLICT (receipt_id) WHERE status = 'OPEN' DO NOTHING""")
                        .param("r", p.id()).param("i", p.institutionId()).param("d", date).param("c", cureBy)
                        .param("ltv", ratio).update();
            }
            if (state == Ltv.State.NORMAL) {
                int n = jdbc.sql("""
                                UPDATE scf_margin_call SET status = 'CURED', closed_on = :d
                                 WHERE receipt_id = :r AND status = 'OPEN' AND raised_on <= :d""")
                        .param("d", date).param("r", p.id()).update();
                cured += n;
                if (before != Ltv.State.NORMAL) {
                    alerts.clear(subject, List.of("LTV_ALERT", "MARGIN_CALL"), date, actor);
                }
            } else {
                lapsed += jdbc.sql("""
                                UPDATE scf_margin_call SET status = 'LAPSED', closed_on = :d
                                 WHERE receipt_id = :r AND status = 'OPEN' AND cure_by < :d""")
                        .param("d", date).param("r", p.id()).update();
            }
            jdbc.sql("UPDATE scf_receipt_pledge SET ltv_state = :s WHERE receipt_id = :r")
                    .param("s", state.name()).param("r", p.id()).update();
        }
        return new Revaluation(date, valued, unpriced, raised, calls, cured, lapsed);
    }
}
