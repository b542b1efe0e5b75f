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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Vouchers vouchers;
    private final WarehouseReceipts warehouses;
    private final BusinessDate businessDate;

    ScfDaily(JdbcClient jdbc, Vouchers vouchers, WarehouseReceipts warehouses, BusinessDate businessDate) {
        this.jdbc = jdbc;
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
        record Due(long id, String number, long issuerId) {
        }
        List<Due> due = jdbc.sql("SELECT id, number, issuer_id FROM scf_voucher WHERE status = 'ISSUED' AND maturity < :d"
                        + " ORDER BY maturity, id")
                .param("d", today).query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
        List<String> overdue = new java.util.ArrayList<>();
        for (Due d : due) {
            Caller issuer = new Caller("scf-daily", Role.ENTERPRISE, d.issuerId(), null, null, null, Set.of());
            vouchers.settle(issuer, d.id(), new Vouchers.SettleRequest(java.math.BigDecimal.ZERO.setScale(2)));
            overdue.add(d.number());
        }
        return new Pass(today, revaluation, overdue);
    }
}
