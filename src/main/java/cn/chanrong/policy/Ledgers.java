package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Re-lending ledgers (台账, issue 19 §2) compiled from the bank's own book: for a re-lending programme (the tech
 * re-lending, the carbon tool, small-business re-lending) and a period, the bank's loans paid out then that were
 * pushed on a project list or carry a tag the programme looks at, each with its verdict and, when left out, every
 * reason by rule; the programme's share of each qualifying loan's principal, to the fen. Read by the bank and the
 * financial regulators where it operates.
 */
public interface Ledgers {

    /** Why a loan is left out: the rule (a message key) and what the rule found. */
    record Reason(String rule, String found, String message) {
    }

    record Line(long loanId, String loanNumber, long borrowerId, String borrowerName, BigDecimal principal,
                LocalDate disbursedOn, String purpose, String listType, boolean qualifies, BigDecimal relending,
                List<Reason> reasons) {
    }

    /** A ledger; {@code lines} only when read one by one. */
    record Ledger(long id, String number, long institutionId, String institutionName, long programmeId, String programmeCode,
                  String programmeName, int programmeVersion, LocalDate from, LocalDate to, String status,
                  BigDecimal sharePercent, BigDecimal ratePercent, int candidates, int qualifying,
                  BigDecimal qualifyingPrincipal, BigDecimal relendingAmount, LocalDate compiledOn, String compiledBy,
                  Instant compiledAt, List<Line> lines) {
    }

    /** {@code programme} by code. */
    record Compile(String programme, LocalDate from, LocalDate to) {
    }

    /** Compiles a ledger for the caller's institution (its operators and approvers). */
    Ledger compile(Caller caller, Compile request, java.util.Locale locale);

    Page<Ledger> list(Caller caller, String programme, String status, PageRequest page);

    Ledger get(Caller caller, long id, java.util.Locale locale);
}
