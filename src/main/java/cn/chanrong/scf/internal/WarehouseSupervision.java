package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.WarehouseReceipts.Event;
import cn.chanrong.scf.WarehouseReceipts.EventRequest;
import cn.chanrong.scf.WarehouseReceipts.Pledge;
import cn.chanrong.scf.WarehouseReceipts.Price;
import cn.chanrong.scf.WarehouseReceipts.Receipt;
import cn.chanrong.scf.domain.DynamicPledge;
import cn.chanrong.scf.domain.ReceiptStatus;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Supervision events the warehouse records on a receipt (inbound, outbound, stocktake, sensor alarm),
 * alerting the funder when pledged goods leave without release. Runs in the transaction
 * {@link WarehouseService} starts.
 */
@Component
class WarehouseSupervision {

    static final Set<String> EVENT_KINDS = Set.of("INBOUND", "OUTBOUND", "STOCKTAKE", "SENSOR_ALARM");

    private final WarehouseReceiptStore receipts;
    private final WarehouseStore warehouses;
    private final PriceStore prices;
    private final AlertStore alerts;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    WarehouseSupervision(WarehouseReceiptStore receipts, WarehouseStore warehouses, PriceStore prices,
                         AlertStore alerts, BusinessDate businessDate, AuditTrail audit) {
        this.receipts = receipts;
        this.warehouses = warehouses;
        this.prices = prices;
        this.alerts = alerts;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    /** Records the event, moving the receipt's quantity (one event per call). */
    Event record(Caller caller, long receiptId, EventRequest request) {
        Receipt receipt = receipts.lock(caller, receiptId);
        if (!WarehouseService.actsFor(caller, warehouses.warehouse(receipt.warehouseId()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-operator", "warehouseId",
                    receipt.warehouseName()));
        }
        List<Rejection> r = new ArrayList<>();
        String kind = request.kind() == null || request.kind().isBlank() ? null
                : request.kind().strip().toUpperCase(Locale.ROOT);
        if (kind == null) {
            r.add(Rejection.of("required", "kind"));
        } else if (!EVENT_KINDS.contains(kind)) {
            r.add(Rejection.of("enum", "kind", request.kind(), new TreeSet<>(EVENT_KINDS).toString()));
        }
        BigDecimal quantity = null;
        if (kind != null && !"SENSOR_ALARM".equals(kind)) {
            quantity = WarehouseInputs.quantity(request.quantity(), "quantity", "STOCKTAKE".equals(kind), r);
        }
        String sensor = WarehouseInputs.text(request.sensor(), "sensor", 0, 200, r);
        String note = WarehouseInputs.text(request.note(), "note", 0, 500, r);
        if ("OUTBOUND".equals(kind) && quantity != null && quantity.compareTo(receipt.quantity()) > 0) {
            r.add(Rejection.of("scf.event.outbound-exceeds", "quantity", quantity.toPlainString(),
                    receipt.quantity().toPlainString(), receipt.unit()));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        ReceiptStatus status = ReceiptStatus.of(receipt.status()).record(receipt.number()).orThrow();
        LocalDate today = businessDate.today();
        BigDecimal before = receipt.quantity();
        BigDecimal after = switch (kind) {
            case "INBOUND" -> before.add(quantity);
            case "OUTBOUND" -> before.subtract(quantity);
            case "STOCKTAKE" -> quantity;
            default -> before;
        };
        BigDecimal leaving = before.subtract(after).max(BigDecimal.ZERO);
        String subject = "receipt:" + receipt.number();
        Pledge pledge = status == ReceiptStatus.PLEDGED ? receipt.pledge() : null;
        String decision = null;
        String alert = null;
        if (pledge != null && leaving.signum() > 0) {
            decision = decideOutbound(receipt, pledge, before, leaving, today);
            if (decision.equals("UNRELEASED") || decision.equals("BELOW_MINIMUM") || decision.equals("UNPRICED")) {
                alert = "GOODS_LEFT";
                BigDecimal leftValue = prices.latest(receipt.commodityCode(), receipt.unit(), today)
                        .map(p -> WarehouseRevaluation.value(leaving, p.price())).orElse(null);
                alerts.raise(alert, pledge.institutionId(), receipt.ownerId(), subject, kind + " of "
                        + leaving.stripTrailingZeros().toPlainString() + " " + receipt.unit() + " from "
                        + receipt.warehouseName() + " without release (" + pledge.mode() + " pledge, " + decision
                        + "); " + after.stripTrailingZeros().toPlainString() + " " + receipt.unit() + " left", leftValue,
                        today);
            }
        }
        if ("SENSOR_ALARM".equals(kind)) {
            alert = "SENSOR";
            alerts.raise(alert, pledge == null ? null : pledge.institutionId(), receipt.ownerId(), subject,
                    "Sensor alarm at " + receipt.warehouseName() + (sensor == null ? "" : " (" + sensor + ")")
                            + (note == null ? "" : ": " + note), null, today);
        }
        if (after.compareTo(before) != 0) {
            receipts.recount(receiptId, after);
        }
        long eventId = receipts.insertEvent(receiptId, kind, quantity, after, today, sensor, note, decision, alert,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.event", "warehouse-receipt", receipt.number(),
                kind + (quantity == null ? "" : " " + quantity.toPlainString()) + " → " + after.toPlainString()
                        + (alert == null ? "" : " alert " + alert)));
        return new Event(eventId, kind, quantity, after, today, sensor, note, decision, alert, caller.username());
    }

    /**
     * Goods leaving a pledged receipt without the funder's release: any quantity for a static pledge;
     * for a dynamic pledge only what keeps the stock at or above the minimum value.
     */
    private String decideOutbound(Receipt receipt, Pledge pledge, BigDecimal stock, BigDecimal leaving, LocalDate today) {
        if ("STATIC".equals(pledge.mode())) {
            return "UNRELEASED";
        }
        Optional<Price> price = prices.latest(receipt.commodityCode(), receipt.unit(), today);
        if (price.isEmpty()) {
            return "UNPRICED";
        }
        BigDecimal p = price.get().price();
        DynamicPledge rule = new DynamicPledge(pledge.minimumValue(), pledge.minimumValue());
        return switch (rule.outbound(stock.multiply(p), leaving.multiply(p))) {
            case DynamicPledge.Allowed a -> "ALLOWED";
            case DynamicPledge.Alert a -> "NEAR_MINIMUM";
            case DynamicPledge.Refused x -> "BELOW_MINIMUM";
        };
    }
}
