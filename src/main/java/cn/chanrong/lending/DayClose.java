package cn.chanrong.lending;

import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What another module does with loans as end of day closes them: called inside each chunk's transaction, after the
 * chunk's loans were brought to the date and classified, so whatever it writes commits with the chunk or not at all
 * (a chunk taken again calls it again: an implementation keys its records by loan and date). Lending knows nothing of
 * the implementations (the policy module's interest subsidies are one).
 */
public interface DayClose {

    /**
     * A loan as the chunk left it on the date: its principal outstanding and days past due at the end of the day, its
     * tier, and the schedule as serviced (what fell due and what was paid of it).
     */
    record ClosedLoan(long loanId, String number, long institutionId, long borrowerId, LocalDate disbursedOn,
                      BigDecimal principalOutstanding, int daysPastDue, Tier tier, List<Installment> schedule) {
        public ClosedLoan {
            schedule = List.copyOf(schedule);
        }
    }

    void closed(LocalDate date, List<ClosedLoan> loans);
}
