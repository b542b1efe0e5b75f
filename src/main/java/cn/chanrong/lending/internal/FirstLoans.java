package cn.chanrong.lending.internal;

import cn.chanrong.credit.OutsideFacts;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * 首贷户 (FACTS §8), decided when a loan is disbursed: not when the platform holds an earlier disbursed
 * loan of the borrower; otherwise the credit bureau's flag, or — without a bureau record — the
 * borrower's declaration on the application; unknown stays NULL (and does not count).
 */
@Component
class FirstLoans {

    private final LoanStore store;
    private final OutsideFacts outside;

    FirstLoans(LoanStore store, OutsideFacts outside) {
        this.store = store;
        this.outside = outside;
    }

    void mark(long loanId, long borrowerId, LocalDate date) {
        boolean earlier = store.disbursedBefore(loanId, borrowerId, date);
        Boolean first = earlier ? Boolean.FALSE : outside.everBorrowed(borrowerId, date).map(ever -> !ever)
                .orElseGet(() -> store.declaredFirstLoan(loanId));
        store.markFirstLoan(loanId, first);
    }
}
