package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Carbon-reduction loans (碳减排贷款, issue 19 §6): a bank's operator records the verified CO2 reduction of one of its
 * green loans and who verified it, once per loan; the carbon tool's ledger takes only loans so recorded; each bank's
 * disclosure sums its carbon-reduction loans paid out in a year, their amounts and the CO2 avoided. Read in the
 * caller's scope: a bank its own, financial regulators in their region (by the borrower's region).
 */
public interface CarbonReductions {

    /** What the bank records: the loan by number, tonnes of CO2 a year (two decimals), verifier, day, method. */
    record Request(String loan, BigDecimal co2Tonnes, String verifier, LocalDate verifiedOn, String method) {
    }

    record Reduction(long loanId, String loanNumber, long institutionId, String institutionName, long borrowerId,
                     String borrowerName, String greenCode, BigDecimal principal, BigDecimal co2Tonnes, String verifier,
                     LocalDate verifiedOn, String method, String recordedBy, Instant recordedAt) {
    }

    /** One bank's disclosure for a year: carbon-reduction loans paid out, their principal, what is outstanding, CO2. */
    record Disclosure(long institutionId, String institutionName, int year, int loans, BigDecimal principal,
                      BigDecimal outstanding, BigDecimal co2Tonnes) {
    }

    /** A green loan of the bank, paid out and outstanding, with no reduction recorded yet: what its form offers. */
    record Candidate(String loanNumber, String borrowerName, String greenCode, BigDecimal principal) {
    }

    Reduction record(Caller caller, Request request);

    /** The caller's bank's green loans that may still have their reduction recorded (none for anyone else). */
    List<Candidate> candidates(Caller caller);

    Page<Reduction> list(Caller caller, PageRequest page);

    List<Disclosure> disclosures(Caller caller, int year);
}
