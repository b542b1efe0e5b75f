package cn.chanrong.cashflow;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Accounts, statements and transactions of enterprises; institutions read them only under a live consent. */
public interface CashFlows {

    enum Source {
        BANK_DIRECT, PBOC_PLATFORM, SELF_UPLOAD
    }

    /**
     * A bound account; {@code heldAt} the institution on the platform that keeps it (its name or a branch's is the
     * bank's name), null for a bank not on the platform.
     */
    record Account(long id, long enterpriseId, String accountNo, String bankName, String currency, Instant boundAt,
                   Long heldAt) {
    }

    record Statement(long id, String accountNo, String statementRef, String format, Source source, BigDecimal weight,
                     LocalDate from, LocalDate to, BigDecimal opening, BigDecimal closing, int entries, int newEntries,
                     String continuity, String importedBy, Instant importedAt) {
    }

    /**
     * One stored booking: a whole bank entry, or one transaction of a batched entry (then {@code transactionRef}
     * is its key within the entry, and amount and counterparty are the transaction's own).
     */
    record Transaction(long id, String accountNo, String entryRef, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount,
                       String currency, String counterpartyName, String counterpartyAccount, String remittance, String category,
                       String categoryReason, boolean roundTrip, BigDecimal weight, String transactionRef) {
    }

    /**
     * What an import stored: per statement, and entries flagged for a currency other than CNY. Entries count
     * stored bookings: each transaction of a batched entry counts as one.
     */
    record ImportResult(String format, String encoding, List<Statement> statements, int entries, int newEntries, int nonCny,
                        int roundTrips) {
    }

    record TransactionFilter(String account, LocalDate from, LocalDate to, String category) {
    }

    /** An account generated with its statements, stored as is by {@link #bulkLoad(List)}. */
    record GeneratedAccount(long enterpriseId, String accountNo, String bankName, String currency,
                            List<GeneratedStatement> statements) {
    }

    /** A generated statement; its entries are all new, so {@code entries} and {@code newEntries} are their count. */
    record GeneratedStatement(String statementRef, String format, Source source, BigDecimal weight, LocalDate from, LocalDate to,
                              BigDecimal opening, BigDecimal closing, String continuity, String importedBy,
                              List<GeneratedEntry> entries) {
    }

    /** A generated entry, already categorised. */
    record GeneratedEntry(String entryRef, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, String currency,
                          String counterpartyName, String counterpartyAccount, String remittance, String category,
                          String categoryReason, boolean roundTrip) {
    }

    Account bindAccount(Caller caller, long enterpriseId, String accountNo, String bankName, String currency);

    List<Account> accounts(Caller caller, long enterpriseId);

    /**
     * The bound account of that number, for a module that holds the payment data itself (a bank reporting
     * flows on accounts it keeps): who it belongs to, no consent involved, no statement data.
     */
    java.util.Optional<Account> account(String accountNo);

    /** Imports a camt.053/054 (XML) or CSV file; all of it or nothing. */
    ImportResult importStatements(Caller caller, long enterpriseId, byte[] body, Source source);

    /** As {@link #importStatements(Caller, long, byte[], Source)}, streaming an uploaded file. */
    ImportResult importStatements(Caller caller, long enterpriseId, Upload file, Source source);

    Page<Statement> statements(Caller caller, long enterpriseId, PageRequest page);

    Page<Transaction> transactions(Caller caller, long enterpriseId, TransactionFilter filter, PageRequest page);

    /**
     * Every CNY transaction of the enterprise's accounts booked in {@code [from, to]}, oldest first, for
     * feature computation. The caller of this method has checked consent already.
     */
    List<Transaction> flowsForEvaluation(long enterpriseId, LocalDate from, LocalDate to);

    /**
     * Stores generated accounts, statements and entries in bulk (the demo economy's months of cash flows),
     * in the order given: one insert per account and statement, one multi-row insert per statement's
     * entries. No parsing, checks, audit or event: the caller generated consistent data for enterprises
     * that have none yet. One transaction.
     */
    void bulkLoad(List<GeneratedAccount> accounts);

    /** The sum of each account's latest closing balance, in fen (0 when no statement carries one). */
    long balanceFen(long enterpriseId);
}
