package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.WarehouseReceipts.Price;
import cn.chanrong.scf.WarehouseReceipts.PriceRequest;
import cn.chanrong.scf.WarehouseReceipts.Revaluation;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Commodity prices entered by hand or imported (all rows or none), each revaluing the pledged receipts
 * of its commodity on its date, and a revaluation an administrator asks for. Runs in the transaction {@link WarehouseService} starts.
 */
@Component
class PriceEntries {

    private final PriceStore prices;
    private final WarehouseRevaluation revaluation;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    PriceEntries(PriceStore prices, WarehouseRevaluation revaluation, BusinessDate businessDate, AuditTrail audit) {
        this.prices = prices;
        this.revaluation = revaluation;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    private static void pricer(Caller caller) {
        boolean ok = caller.isAdmin() || caller.is(Role.REGULATOR)
                || caller.is(Role.INSTITUTION) && caller.hasAuthority("operator");
        if (!ok) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.price.not-allowed", null));
        }
    }

    Price enter(Caller caller, PriceRequest request) {
        pricer(caller);
        List<Rejection> r = new ArrayList<>();
        LocalDate today = businessDate.today();
        CommodityPrices.Checked c = CommodityPrices.check(request.commodityCode(), request.date(), request.pricePerUnit(),
                request.unit(), today, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        Price p = prices.store(c, "ENTERED", caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.price.enter", "commodity-price", c.code(),
                c.date() + " " + c.price().toPlainString() + "/" + c.unit()));
        revaluation.revalue(c.date(), caller.username());
        return p;
    }

    /** Checks the whole file first (streaming, nothing kept but the duplicate keys), then stores it row by row. */
    List<Price> importFile(Caller caller, Upload csv, String encoding) {
        pricer(caller);
        LocalDate today = businessDate.today();
        var source = CommodityPrices.checkFile(csv, encoding, today);
        List<Price> stored = new ArrayList<>();
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<>();
        CommodityPrices.forEachRow(source, today, c -> {
            stored.add(prices.store(c, "CSV", caller.username()));
            dates.add(c.date());
        });
        audit.record(AuditEvent.success(caller.username(), "scf.price.import", "commodity-price", null,
                stored.size() + " prices"));
        dates.forEach(d -> revaluation.revalue(d, caller.username()));
        return stored;
    }

    /** An administrator revalues every pledged receipt at the latest prices on {@code date} (today by default). */
    Revaluation revalue(Caller caller, LocalDate date) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
        }
        LocalDate today = businessDate.today();
        LocalDate d = date == null ? today : date;
        if (d.isAfter(today)) {
            throw Rejected.invalid(Rejection.of("date.future", "date", d, today));
        }
        Revaluation result = revaluation.revalue(d, caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.revalue", "warehouse-receipt", null,
                d + ": " + result.valued() + " valued, " + result.alerts() + " alerts, " + result.marginCalls()
                        + " margin calls"));
        return result;
    }
}
