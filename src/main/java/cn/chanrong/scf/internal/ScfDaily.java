package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.DailyPass;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.scf.WarehouseReceipts;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily pass over supply-chain assets: every pledged receipt revalued at the day's prices, and
 * every voucher whose issuer let its maturity pass unpaid settled at zero — its parts overdue, its
 * funders alerted — so a default never waits for the issuer to act.
 */
@Component
class ScfDaily implements DailyPass {

    private static final Logger log = LoggerFactory.getLogger(ScfDaily.class);

    private final VoucherStore store;
    private final Vouchers vouchers;
    private final WarehouseReceipts warehouses;
    private final BusinessDate businessDate;

    ScfDaily(VoucherStore store, Vouchers vouchers, WarehouseReceipts warehouses, BusinessDate businessDate) {
        this.store = store;
        this.vouchers = vouchers;
        this.warehouses = warehouses;
        this.businessDate = businessDate;
    }

    @Scheduled(cron = "${chanrong.scf.daily-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        Pass p = run();
        log.info("Supply-chain daily pass {}: {} receipts valued, {} vouchers overdue", p.date(),
                p.revaluation().valued(), p.vouchersOverdue().size());
    }

    @Override
    public Pass run() {
        LocalDate today = businessDate.today();
        WarehouseReceipts.Revaluation revaluation = warehouses.revalue(today);
        List<VoucherStore.Due> due = store.overdue(today);
        List<String> overdue = new java.util.ArrayList<>();
        for (VoucherStore.Due d : due) {
            Caller issuer = new Caller("scf-daily", Role.ENTERPRISE, d.issuerId(), null, null, null, Set.of());
            vouchers.settle(issuer, d.id(), new Vouchers.SettleRequest(java.math.BigDecimal.ZERO.setScale(2)));
            overdue.add(d.number());
        }
        return new Pass(today, revaluation, overdue);
    }
}
