package cn.chanrong.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution's access to an enterprise's cash-flow data, as the enterprise answered it. Scope:
 * the listed accounts (none listed = every bound account) and the period of transactions; purpose
 * pre-loan evaluation or post-loan monitoring of {@code loanId}.
 */
public record Consent(long id, long institutionId, String institutionName, long enterpriseId, String enterpriseName,
                      Purpose purpose, List<String> accounts, LocalDate periodFrom, LocalDate periodTo, LocalDate expiresOn,
                      Long loanId, Status status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                      Instant revokeRequested, Instant endedAt, String note) {

    public enum Purpose { PRE_LOAN, POST_LOAN }

    public enum Status { REQUESTED, GRANTED, REFUSED, REVOKED, ENDED }

    public Consent {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** Granted, not expired on {@code today}, not ended; a revoked post-loan consent lives until its loan is repaid. */
    public boolean liveOn(LocalDate today) {
        return status == Status.GRANTED && !today.isAfter(expiresOn);
    }

    /** Whether this consent covers the account (when one is named). */
    public boolean covers(String accountNo) {
        return accounts.isEmpty() || accountNo == null || accounts.contains(accountNo);
    }
}
