package cn.chanrong.scf;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily pass over supply-chain assets (scheduled after midnight, {@code chanrong.scf.daily-cron};
 * an administrator may run it): pledged receipts revalued, vouchers unpaid past maturity made overdue.
 */
public interface DailyPass {

    record Pass(LocalDate date, WarehouseReceipts.Revaluation revaluation, List<String> vouchersOverdue) {
    }

    Pass run();
}
