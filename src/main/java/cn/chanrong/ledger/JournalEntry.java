package cn.chanrong.ledger;

import cn.chanrong.ledger.domain.EntryLine;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted entry in a book. {@code source} identifies the business event that caused it (e.g.
 * {@code loan:42:disbursement}) and is unique per book, so posting the same event twice is harmless.
 */
public record JournalEntry(long id, long book, LocalDate businessDate, String description, String source,
                           Long reverses, List<EntryLine> lines) {
}
