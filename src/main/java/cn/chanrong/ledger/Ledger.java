package cn.chanrong.ledger;

import cn.chanrong.ledger.domain.EntryLine;
import java.time.LocalDate;
import java.util.List;

/**
 * Posting and reading the books. {@link #post} and {@link #reverse} join the caller's transaction
 * (a business change and its entry commit together) and are refused as {@link cn.chanrong.shared.Rejected}.
 */
public interface Ledger {

    /** Posts a balanced entry; re-posting the same source with the same lines returns the first entry. */
    JournalEntry post(long book, LocalDate businessDate, String description, String source, List<EntryLine> lines,
                      String actor);

    /** An entry to post with {@link #postAll}. */
    record Draft(String description, String source, List<EntryLine> lines) {
    }

    /**
     * Posts many balanced entries of one book and date in one transaction, a few hundred rows per
     * statement; a source already posted is treated as {@link #post} treats it. Returns how many were new.
     */
    int postAll(long book, LocalDate businessDate, List<Draft> drafts, String actor);

    /** Posts the mirror image of an entry (each line on the other side); an entry is reversed at most once. */
    JournalEntry reverse(long book, long entryId, LocalDate businessDate, String reason, String actor);

    JournalEntry entry(long book, long entryId);

    TrialBalance trialBalance(long book, LocalDate asOf);

    /** Checks every book: entries balance, each trial balance balances, subledgers add up to their accounts. */
    Check check();

    /** What {@link #check()} found; {@code problems} is empty when the ledger is sound. */
    record Check(int books, long entries, List<String> problems) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }
}
