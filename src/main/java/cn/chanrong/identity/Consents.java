package cn.chanrong.identity;

import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;

/**
 * Who may read whose cash-flow data (modelled on the PBOC SME cash-flow credit platform: the
 * institution requests, the enterprise approves each request). Every read of cash-flow data goes
 * through {@link #requireRead}, which answers with the live consent or refuses with the reason.
 */
public interface Consents {

    /** What an institution asks for. {@code loanId} is required for post-loan monitoring and only then. */
    record Request(Long enterpriseId, Consent.Purpose purpose, List<String> accounts, LocalDate periodFrom, LocalDate periodTo,
                   LocalDate expiresOn, Long loanId, String note) {
    }

    /** What a read may see: the enterprise itself sees everything; an institution what its live consents cover. */
    record Scope(long enterpriseId, boolean own, List<Consent> consents) {
        public boolean coversAccount(String accountNo) {
            return own || consents.stream().anyMatch(c -> c.covers(accountNo));
        }

        /** The earliest and latest transaction dates the scope allows for an account, or null when none. */
        public LocalDate[] period(String accountNo) {
            if (own) {
                return new LocalDate[] {LocalDate.MIN, LocalDate.MAX};
            }
            LocalDate from = null;
            LocalDate to = null;
            for (Consent c : consents) {
                if (c.covers(accountNo)) {
                    from = from == null || c.periodFrom().isBefore(from) ? c.periodFrom() : from;
                    to = to == null || c.periodTo().isAfter(to) ? c.periodTo() : to;
                }
            }
            return from == null ? null : new LocalDate[] {from, to};
        }
    }

    Consent request(Caller institutionUser, Request request);

    Consent grant(Caller enterpriseUser, long consentId);

    Consent refuse(Caller enterpriseUser, long consentId, String reason);

    /** Pre-loan consents end at once; post-loan ones are marked and end when their loan is repaid. */
    Consent revoke(Caller enterpriseUser, long consentId);

    Consent get(Caller caller, long consentId);

    Page<Consent> list(Caller caller, Consent.Status status, Long enterpriseId, PageRequest page);

    /**
     * The scope of a read of {@code enterpriseId}'s cash-flow data by {@code caller}, written to the
     * audit trail as {@code what}; refused (403, with the reason) without a live consent.
     */
    Scope requireRead(Caller caller, long enterpriseId, String what);

    /** Ends the post-loan consents of a repaid loan. */
    int endForLoan(long loanId);
}
