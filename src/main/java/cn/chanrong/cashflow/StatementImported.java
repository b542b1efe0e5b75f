package cn.chanrong.cashflow;

/** A statement was stored for an enterprise's account ({@code newEntries} entries were new). */
public record StatementImported(long enterpriseId, long accountId, long statementId, int newEntries) {
}
