package cn.chanrong.policy.internal;

import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.Reconciliation;
import cn.chanrong.ledger.TrialBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The subsidies' side of each bank's book: what the treasury owes for netted subsidies not yet settled by a claim
 * (1221) and what it prepaid that no settled claim has used (2241), each against the account's balance in the book.
 */
@Component
class SubsidyReconciliation implements Reconciliation {

    private final SubsidyStore store;
    private final Ledger ledger;

    SubsidyReconciliation(SubsidyStore store, @Lazy Ledger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "interest subsidies";
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (SubsidyStore.Balances b : store.balances()) {
            TrialBalance tb = ledger.trialBalance(b.book(), LocalDate.of(9999, 12, 31));
            check(out, b.book(), tb, "1221", b.receivable());
            check(out, b.book(), tb, "2241", b.prepaid());
        }
        return out;
    }

    private static void check(List<String> out, long book, TrialBalance tb, String account, BigDecimal expected) {
        BigDecimal booked = tb.lines().stream().filter(l -> l.account().equals(account)).map(TrialBalance.Line::balance)
                .findFirst().orElse(BigDecimal.ZERO);
        if (booked.compareTo(expected) != 0) {
            out.add("book " + book + " account " + account + ": booked " + booked.toPlainString() + ", subsidies say "
                    + expected.toPlainString());
        }
    }
}
