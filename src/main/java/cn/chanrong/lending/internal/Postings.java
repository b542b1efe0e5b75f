package cn.chanrong.lending.internal;

import cn.chanrong.ledger.JournalEntry;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.domain.EntryLine;
import cn.chanrong.shared.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The posting rules of lending: which accounts each loan event touches. Every line on a loan account
 * carries the loan id as its subledger key, which is what the reconciliation matches on.
 */
@Component
class Postings {

    static final String LOANS = "1303";
    static final String INTEREST_RECEIVABLE = "1132";
    static final String PROVISIONS = "1304";
    static final String DEPOSITS = "2002";
    static final String INTEREST_INCOME = "6011";
    static final String IMPAIRMENT = "6701";
    static final String MEMO_INTEREST = "7011";
    static final String MEMO_INTEREST_CONTRA = "7012";
    static final String MEMO_WRITTEN_OFF = "7021";
    static final String MEMO_WRITTEN_OFF_CONTRA = "7022";

    /** The words of lending's records: each entry's description, in both languages. */
    static final Wording WORDS = Wording.of("lending");

    private final Ledger ledger;

    Postings(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Lines of one entry under construction; zero amounts are dropped, negative ones flip side. */
    static final class Lines {
        private final List<EntryLine> lines = new ArrayList<>();
        private final String key;

        Lines(long loanId) {
            this.key = Long.toString(loanId);
        }

        /** Lines whose subledgered postings carry another key than a loan's: a summary of many loans. */
        Lines(String key) {
            this.key = key;
        }

        Lines debit(String account, BigDecimal amount, boolean subledger) {
            if (amount.signum() > 0) {
                lines.add(EntryLine.debit(account, amount, subledger ? key : null));
            } else if (amount.signum() < 0) {
                lines.add(EntryLine.credit(account, amount.negate(), subledger ? key : null));
            }
            return this;
        }

        Lines credit(String account, BigDecimal amount, boolean subledger) {
            return debit(account, amount.negate(), subledger);
        }

        boolean empty() {
            return lines.isEmpty();
        }
    }

    JournalEntry post(long book, LocalDate date, String description, String source, Lines lines, String actor) {
        return ledger.post(book, date, description, source, List.copyOf(lines.lines), actor);
    }

    /** Disbursement: the loan asset against the borrower's (or the entrusted payee's) deposit account. */
    JournalEntry disbursement(long book, long loanId, LocalDate date, BigDecimal amount, String actor) {
        return post(book, date, WORDS.both("posting.disbursement"), "loan:" + loanId + ":disbursement",
                new Lines(loanId).debit(LOANS, amount, true).credit(DEPOSITS, amount, false), actor);
    }

    /**
     * Accrual of interest and penalty. Recognised: interest receivable against interest income. On a
     * non-accrual loan the same amounts go to the memo pair instead. Deltas may be negative (a
     * rounding true-up after the schedule changed), which reverses the sides.
     */
    JournalEntry accrual(long book, long loanId, LocalDate date, BigDecimal amount, boolean memo, String source,
                         String actor) {
        return ledger.post(book, date, WORDS.both("posting.accrual"), source, accrualLines(loanId, amount, memo), actor);
    }

    /**
     * The lines of end of day's summary accrual entry of one chunk and book: the recognised accruals to
     * receivable and income, the non-accrual loans' to memo; the subledgered lines carry the summary's
     * key, and each loan's part is its {@code loan_accrual} row under that key.
     */
    static List<EntryLine> accrualSummaryLines(String key, BigDecimal recognised, BigDecimal memo) {
        Lines l = new Lines(key);
        l.debit(INTEREST_RECEIVABLE, recognised, true).credit(INTEREST_INCOME, recognised, false);
        l.debit(MEMO_INTEREST, memo, true).credit(MEMO_INTEREST_CONTRA, memo, true);
        return List.copyOf(l.lines);
    }

    /** The lines of an accrual entry (see {@link #accrual}), for batched posting. */
    static List<EntryLine> accrualLines(long loanId, BigDecimal amount, boolean memo) {
        Lines l = new Lines(loanId);
        if (memo) {
            l.debit(MEMO_INTEREST, amount, true).credit(MEMO_INTEREST_CONTRA, amount, true);
        } else {
            l.debit(INTEREST_RECEIVABLE, amount, true).credit(INTEREST_INCOME, amount, false);
        }
        return List.copyOf(l.lines);
    }

    /**
     * A repayment: cash in; principal off the loan; interest and penalty off the receivable, and any
     * part that was kept off balance sheet recognised now as income (cash basis), its memo closed; and
     * the provision moved to the principal left (released as the loan is repaid).
     */
    JournalEntry repayment(long book, long loanId, LocalDate date, BigDecimal amount, BigDecimal principal,
                           BigDecimal fromReceivable, BigDecimal fromMemo, BigDecimal provisionChange, String source,
                           String actor) {
        Lines l = new Lines(loanId).debit(DEPOSITS, amount, false).credit(LOANS, principal, true)
                .credit(INTEREST_RECEIVABLE, fromReceivable, true).credit(INTEREST_INCOME, fromMemo, false)
                .debit(MEMO_INTEREST_CONTRA, fromMemo, true).credit(MEMO_INTEREST, fromMemo, true)
                .debit(IMPAIRMENT, provisionChange, false).credit(PROVISIONS, provisionChange, true);
        return post(book, date, WORDS.both("posting.repayment"), source, l, actor);
    }

    /** The treasury's account of subsidies the bank netted off borrowers' interest and is owed (其他应收款—应收财政贴息). */
    static final String SUBSIDY_RECEIVABLE = "1221";

    /** A subsidy netted off a borrower's interest: owed by the treasury instead of the borrower. */
    JournalEntry subsidyNetted(long book, long loanId, LocalDate date, BigDecimal amount, String source, String actor) {
        return post(book, date, WORDS.both("posting.subsidy-netted"), source,
                new Lines(loanId).debit(SUBSIDY_RECEIVABLE, amount, false).credit(INTEREST_RECEIVABLE, amount, true), actor);
    }

    /** A prepayment fee, paid with the prepayment: fee and commission income. */
    JournalEntry fee(long book, long loanId, LocalDate date, BigDecimal fee, String source, String actor) {
        return post(book, date, WORDS.both("posting.prepayment-fee"), source,
                new Lines(loanId).debit(DEPOSITS, fee, false).credit("6021", fee, false), actor);
    }

    /** Moves recognised but unpaid interest off balance sheet when a loan becomes non-accrual. */
    JournalEntry toNonAccrual(long book, long loanId, LocalDate date, BigDecimal receivable, String source, String actor) {
        Lines l = new Lines(loanId).debit(INTEREST_INCOME, receivable, false).credit(INTEREST_RECEIVABLE, receivable, true)
                .debit(MEMO_INTEREST, receivable, true).credit(MEMO_INTEREST_CONTRA, receivable, true);
        return post(book, date, WORDS.both("posting.non-accrual"), source, l, actor);
    }

    /** Forgiven interest or penalty (a restructuring concession): reversed from income, or its memo closed. */
    JournalEntry forgiveness(long book, long loanId, LocalDate date, BigDecimal fromReceivable, BigDecimal fromMemo,
                             String source, String actor) {
        Lines l = new Lines(loanId).debit(INTEREST_INCOME, fromReceivable, false)
                .credit(INTEREST_RECEIVABLE, fromReceivable, true)
                .debit(MEMO_INTEREST_CONTRA, fromMemo, true).credit(MEMO_INTEREST, fromMemo, true);
        return post(book, date, WORDS.both("posting.forgiveness"), source, l, actor);
    }

    /** Renewal without repaying principal: the principal moves from the old loan to the new one. */
    JournalEntry renewal(long book, long oldLoan, long newLoan, LocalDate date, BigDecimal principal, String actor) {
        return ledger.post(book, date, WORDS.both("posting.renewal"), "loan:" + oldLoan + ":renewal",
                List.of(EntryLine.debit(LOANS, principal, Long.toString(newLoan)),
                        EntryLine.credit(LOANS, principal, Long.toString(oldLoan))), actor);
    }

    /** Provision change: impairment loss against the provision (a negative change releases it). */
    /**
     * End of day's provision changes, one entry per loan as {@link #provision} posts them, in one batch
     * per book; each entry's source names the loan and the date (end of day classifies a loan once a day).
     */
    void provisions(List<Servicer.Change> changes, LocalDate date, String actor) {
        changes.stream().collect(java.util.stream.Collectors.groupingBy(c -> c.loan().institutionId()))
                .forEach((book, list) -> ledger.postAll(book, date, list.stream().map(c -> {
                    BigDecimal change = c.provision().subtract(c.loan().provision());
                    Lines l = new Lines(c.loan().id()).debit(IMPAIRMENT, change, false).credit(PROVISIONS, change, true);
                    return new Ledger.Draft(WORDS.both("posting.provision"),
                            "loan:" + c.loan().id() + ":provision:eod:" + date, List.copyOf(l.lines));
                }).toList(), actor));
    }

    JournalEntry provision(long book, long loanId, LocalDate date, BigDecimal change, String source, String actor) {
        Lines l = new Lines(loanId).debit(IMPAIRMENT, change, false).credit(PROVISIONS, change, true);
        return post(book, date, WORDS.both("posting.provision"), source, l, actor);
    }

    /**
     * Write-off (核销): principal against the provision (any shortfall is a further loss, any surplus
     * released), recognised interest reversed from income, memo interest closed, and the whole claim
     * kept in the written-off memo pair for later recovery.
     */
    JournalEntry writeOff(long book, long loanId, LocalDate date, BigDecimal principal, BigDecimal provision,
                          BigDecimal receivable, BigDecimal memo, String actor) {
        BigDecimal fromProvision = provision.min(principal);
        Lines l = new Lines(loanId).credit(LOANS, principal, true).debit(PROVISIONS, provision, true)
                .debit(IMPAIRMENT, principal.subtract(fromProvision), false)
                .credit(IMPAIRMENT, provision.subtract(fromProvision), false)
                .debit(INTEREST_INCOME, receivable, false).credit(INTEREST_RECEIVABLE, receivable, true)
                .debit(MEMO_INTEREST_CONTRA, memo, true).credit(MEMO_INTEREST, memo, true);
        BigDecimal claim = principal.add(receivable).add(memo);
        l.debit(MEMO_WRITTEN_OFF, claim, true).credit(MEMO_WRITTEN_OFF_CONTRA, claim, true);
        return post(book, date, WORDS.both("posting.write-off"), "loan:" + loanId + ":write-off", l, actor);
    }

    /**
     * Transfer of a loan at a price: cash in, the loan, its receivable and its provision out, memo
     * interest closed; what the price falls short of the net carrying amount is an impairment loss (a
     * surplus releases it).
     */
    JournalEntry transfer(long book, long loanId, LocalDate date, BigDecimal price, BigDecimal principal,
                          BigDecimal provision, BigDecimal receivable, BigDecimal memo, String actor) {
        BigDecimal loss = principal.add(receivable).subtract(provision).subtract(price);
        Lines l = new Lines(loanId).debit(DEPOSITS, price, false).debit(PROVISIONS, provision, true)
                .credit(LOANS, principal, true).credit(INTEREST_RECEIVABLE, receivable, true)
                .debit(IMPAIRMENT, loss, false)
                .debit(MEMO_INTEREST_CONTRA, memo, true).credit(MEMO_INTEREST, memo, true);
        return post(book, date, WORDS.both("posting.transfer"), "loan:" + loanId + ":transfer", l, actor);
    }

    /** Cash recovered after write-off: it reverses impairment loss; the memo claim shrinks by the same amount. */
    JournalEntry recovery(long book, long loanId, LocalDate date, BigDecimal amount, BigDecimal memoPart, String source,
                          String actor) {
        Lines l = new Lines(loanId).debit(DEPOSITS, amount, false).credit(IMPAIRMENT, amount, false)
                .debit(MEMO_WRITTEN_OFF_CONTRA, memoPart, true).credit(MEMO_WRITTEN_OFF, memoPart, true);
        return post(book, date, WORDS.both("posting.recovery"), source, l, actor);
    }
}
