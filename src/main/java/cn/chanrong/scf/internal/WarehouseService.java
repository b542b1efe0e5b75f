package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.scf.WarehouseReceipts;
import cn.chanrong.scf.domain.ReceiptStatus;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warehouses, receipts, pledges, supervision events and release. A pledge files in the registry and
 * books the loan in the caller's one transaction, so a refusal anywhere leaves nothing behind. Every
 * transaction starts here; {@link WarehousePledges} and {@link WarehouseSupervision} join it.
 */
@Service
class WarehouseService implements WarehouseReceipts {

    static final Set<String> STATUSES = Set.of("ISSUED", "PLEDGED", "RELEASED", "CANCELLED");

    private final WarehouseStore warehouses;
    private final WarehouseReceiptStore receipts;
    private final PartyStore parties;
    private final WarehousePledges pledges;
    private final WarehouseSupervision supervision;
    private final PriceStore prices;
    private final PriceEntries priceEntries;
    private final WarehouseRevaluation revaluation;
    private final AlertStore alerts;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    WarehouseService(WarehouseStore warehouses, WarehouseReceiptStore receipts, PartyStore parties,
                     WarehousePledges pledges, WarehouseSupervision supervision, PriceStore prices,
                     PriceEntries priceEntries, WarehouseRevaluation revaluation, AlertStore alerts,
                     ReferenceData reference, BusinessDate businessDate, AuditTrail audit) {
        this.warehouses = warehouses;
        this.receipts = receipts;
        this.parties = parties;
        this.pledges = pledges;
        this.supervision = supervision;
        this.prices = prices;
        this.priceEntries = priceEntries;
        this.revaluation = revaluation;
        this.alerts = alerts;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    /** Administrators, and the users of the warehouse's operator enterprise, act for the warehouse. */
    static boolean actsFor(Caller caller, Warehouse w) {
        return caller.isAdmin() || caller.is(Role.ENTERPRISE) && w.operatorId() != null
                && w.operatorId().equals(caller.enterpriseId());
    }

    // ---- warehouses

    @Override
    @Transactional
    public Warehouse register(Caller caller, WarehouseRequest request) {
        if (!caller.isAdmin() && !caller.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
        List<Rejection> r = new ArrayList<>();
        String name = WarehouseInputs.text(request.name(), "name", 2, 200, r);
        String address = WarehouseInputs.text(request.address(), "address", 2, 500, r);
        String region = request.regionCode() == null ? null : request.regionCode().strip();
        if (region == null || region.isEmpty()) {
            r.add(Rejection.of("required", "regionCode"));
        } else if (!region.matches("[0-9]{6}")) {
            r.add(Rejection.of("region-code.format", "regionCode", region));
        } else if (reference.region(region).isEmpty()) {
            r.add(Rejection.of("region-code.unknown", "regionCode", region));
        }
        if (request.operatorId() != null && !parties.enterpriseExists(request.operatorId())) {
            r.add(Rejection.of("scf.warehouse.unknown-enterprise", "operatorId", request.operatorId()));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        boolean supervised = request.supervised() == null || request.supervised();
        long id = warehouses.insert(name, region, address, request.operatorId(), supervised, caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.warehouse.register", "warehouse", id,
                name + " " + region + (supervised ? " supervised" : "")));
        return warehouse(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Warehouse warehouse(Caller caller, long id) {
        return warehouses.warehouse(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Warehouse> warehouses(Caller caller, PageRequest page) {
        return warehouses.page(page);
    }

    // ---- receipts

    @Override
    @Transactional(readOnly = true)
    public Receipt get(Caller caller, long id) {
        return receipts.visible(caller, id).orElseThrow(() -> Rejected.notFound("warehouse receipt", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Receipt> search(Caller caller, String status, PageRequest page) {
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status.strip())) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, new TreeSet<>(STATUSES).toString()));
            }
        }
        return receipts.search(caller, status == null || status.isBlank() ? null : status.strip(), page);
    }

    @Override
    @Transactional(readOnly = true)
    public Detail detail(Caller caller, long id) {
        return receipts.detail(get(caller, id));
    }

    @Override
    @Transactional
    public Receipt issue(Caller caller, IssueRequest request) {
        List<Rejection> r = new ArrayList<>();
        Warehouse w = null;
        if (request.warehouseId() == null) {
            r.add(Rejection.of("required", "warehouseId"));
        } else {
            w = warehouses.find(request.warehouseId()).orElse(null);
            if (w == null) {
                r.add(Rejection.of("scf.warehouse.unknown", "warehouseId", request.warehouseId()));
            }
        }
        if (w != null && !actsFor(caller, w)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-operator", "warehouseId",
                    w.name()));
        }
        if (request.ownerId() == null) {
            r.add(Rejection.of("required", "ownerId"));
        } else if (!parties.enterpriseExists(request.ownerId())) {
            r.add(Rejection.of("scf.warehouse.unknown-enterprise", "ownerId", request.ownerId()));
        }
        String code = WarehouseInputs.commodity(request.commodityCode(), "commodityCode", r);
        String name = WarehouseInputs.text(request.commodityName(), "commodityName", 1, 200, r);
        BigDecimal quantity = WarehouseInputs.quantity(request.quantity(), "quantity", false, r);
        String unit = WarehouseInputs.text(request.unit(), "unit", 1, 20, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        LocalDate today = businessDate.today();
        long seq = receipts.nextNumber();
        String number = String.format("WR%s%06d", today.toString().replace("-", ""), seq);
        long id = receipts.insert(number, request.warehouseId(), request.ownerId(), code, name, quantity, unit, today,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.issue", "warehouse-receipt", number,
                code + " " + quantity.toPlainString() + " " + unit + " to enterprise " + request.ownerId()));
        return receipts.lock(id);
    }

    @Override
    @Transactional
    public Receipt cancel(Caller caller, long id, String reason) {
        Receipt receipt = receipts.lock(caller, id);
        if (!actsFor(caller, warehouses.warehouse(receipt.warehouseId()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-operator", "warehouseId",
                    receipt.warehouseName()));
        }
        List<Rejection> r = new ArrayList<>();
        String why = WarehouseInputs.text(reason, "reason", 1, 500, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        ReceiptStatus cancelled = ReceiptStatus.of(receipt.status()).cancel(receipt.number()).orThrow();
        receipts.moveTo(id, cancelled);
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.cancel", "warehouse-receipt", receipt.number(),
                why));
        return receipts.lock(id);
    }

    // ---- pledge and release

    @Override
    @Transactional
    public Receipt pledge(Caller caller, long id, PledgeRequest request) {
        return pledges.pledge(caller, id, request);
    }

    @Override
    @Transactional
    public Receipt requestRelease(Caller caller, long id, String note) {
        return pledges.requestRelease(caller, id, note);
    }

    @Override
    @Transactional
    public Receipt release(Caller caller, long id, boolean anyway, String note) {
        return pledges.release(caller, id, anyway, note);
    }

    // ---- supervision events

    @Override
    @Transactional
    public Event record(Caller caller, long receiptId, EventRequest request) {
        return supervision.record(caller, receiptId, request);
    }

    // ---- prices, revaluation, alerts

    @Override
    @Transactional
    public Price enterPrice(Caller caller, PriceRequest request) {
        return priceEntries.enter(caller, request);
    }

    @Override
    @Transactional
    public List<Price> importPrices(Caller caller, byte[] csv, String encoding) {
        return priceEntries.importFile(caller, Upload.of(csv), encoding);
    }

    @Override
    @Transactional
    public List<Price> importPrices(Caller caller, Upload csv, String encoding) {
        return priceEntries.importFile(caller, csv, encoding);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Price> prices(Caller caller, String commodityCode, PageRequest page) {
        return prices.list(commodityCode, page);
    }

    @Override
    @Transactional
    public Revaluation revalue(LocalDate date) {
        return revaluation.revalue(date, "revaluation");
    }

    @Override
    @Transactional
    public Revaluation revalue(Caller caller, LocalDate date) {
        return priceEntries.revalue(caller, date);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Alert> alerts(Caller caller, String kind, PageRequest page) {
        return alerts.list(caller, kind, page);
    }
}
