package cn.chanrong.lending;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * End of day for a business date: every active loan is brought to that date (interest, penalty, days
 * past due), classified per borrower and provisioned, in borrower chunks of one transaction each.
 * A loan is brought to a date once (the accrual record's key guards it), so a crashed run is simply
 * run again and carries on; a run after missed days catches up.
 */
public interface EndOfDay {

    record Run(LocalDate businessDate, String status, long borrowers, long loansTotal, long loansDone) {
    }

    Run run(LocalDate businessDate, Consumer<Run> progress);

    Optional<Run> status(LocalDate businessDate);

    /**
     * Whether a run is going on in this process: figures read from the book meanwhile would mix loans
     * closed for the day with loans not yet closed, so rebuilds of aggregates wait for it.
     */
    boolean running();
}
