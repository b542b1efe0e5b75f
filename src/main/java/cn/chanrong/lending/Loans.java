package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Loans from contract to closing. Every money-moving call posts its journal entry in the same
 * transaction and takes the loan's row lock, so two repayments on one loan are applied one after
 * the other, never lost.
 */
public interface Loans {

    /** Signs the contract of an approved application: the rate is fixed now, the facility is drawn. */
    Loan contract(Caller caller, long applicationId);

    /**
     * A counterparty paid out of the loan; one payee with no amount takes the whole principal. {@code mode}
     * ENTRUSTED (the bank pays it directly, 受托支付) or SELF (the borrower pays it, 自主支付); null takes the
     * contract's payment mode. Payments a rule requires entrusted must be (FACTS §10). {@code invoice} is
     * the number of the fully-digital invoice (数电发票) the payee issued to the borrower that supports the
     * payment; an invoice supports one payment or financing only.
     */
    record Payee(String name, String account, BigDecimal amount, String mode, String invoice) {
        public Payee(String name, String account, BigDecimal amount) {
            this(name, account, amount, null, null);
        }

        public Payee(String name, String account, BigDecimal amount, String mode) {
            this(name, account, amount, mode, null);
        }
    }

    /**
     * Pays the principal out on {@code valueDate} (null = the business date) and builds the schedule
     * from it. Entrusted payment names the payees, whose amounts add up to the principal; a self-paid loan
     * lists the counterparties a rule makes entrusted and may self-pay the rest.
     */
    Loan disburse(Caller caller, long loanId, LocalDate valueDate, List<Payee> payees);

    /** The same with one payee (or none, for self-payment). */
    Loan disburse(Caller caller, long loanId, LocalDate valueDate, String payee);

    List<Payee> payees(Caller caller, long loanId);

    /**
     * A repayment. {@code type} REPAYMENT pays what is due (penalty, overdue, current) and is refused
     * above that; PAYOFF settles the whole loan and must be exactly {@link #dues}' payoff amount;
     * PREPAYMENT pays principal early when nothing is due: the amount covers the interest earned so far
     * in the current period, the prepayment fee and the principal, and {@code mode} REDUCE_INSTALLMENT
     * (default) keeps the maturity while REDUCE_TERM keeps the installment and ends the loan sooner.
     */
    record RepaymentRequest(BigDecimal amount, LocalDate valueDate, String type, String mode) {
        public RepaymentRequest(BigDecimal amount, LocalDate valueDate, String type) {
            this(amount, valueDate, type, null);
        }
    }

    Transaction repay(Caller caller, long loanId, RepaymentRequest request);

    /** What is owed on a date: due now (by bucket) and the amount that would settle the loan. */
    record Dues(LocalDate valueDate, BigDecimal penalty, BigDecimal overdueInterest, BigDecimal overduePrincipal,
                BigDecimal currentInterest, BigDecimal currentPrincipal, BigDecimal dueNow, BigDecimal payoff) {
    }

    Dues dues(Caller caller, long loanId, LocalDate valueDate);

    /** A credit officer sets a floor (downgrades freely; an upgrade needs its conditions and a reason). */
    Loan reclassify(Caller caller, long loanId, Tier floor, String reason);

    /**
     * Restructures the loan of a debtor in financial difficulty: the outstanding principal gets a new
     * schedule from the business date (new term, optionally a lower rate); interest and penalty owed
     * must be paid first or are forgiven. The loan then sits in its observation period (FACTS §2).
     */
    record RestructureRequest(Integer termMonths, BigDecimal annualRate, Boolean forgiveArrears, Boolean financialDifficulty,
                              String reason) {
    }

    Loan restructure(Caller caller, long loanId, RestructureRequest request);

    /**
     * Renewal without repaying principal (无还本续贷) for a compliant SME's working-capital loan near
     * maturity: the interest due is paid ({@code interestPayment} must equal it), the principal moves to
     * a new loan, and neither loan is downgraded for it. Returns the new loan. With
     * {@code debtorFinancesAbnormal} the lender records that the renewal repays a loan while the debtor's
     * finances are abnormal: the new loan is then at least 关注 (2023 办法; rule {@code renewal-while-abnormal}).
     */
    record RenewalRequest(Integer termMonths, BigDecimal interestPayment, Boolean debtorFinancesAbnormal) {

        public RenewalRequest(Integer termMonths, BigDecimal interestPayment) {
            this(termMonths, interestPayment, null);
        }
    }

    Loan renew(Caller caller, long loanId, RenewalRequest request);

    /**
     * Records an unauthorised change of the loan's purpose (擅自改变资金用途) the lender found, with its
     * reason: the loan is at once at least 关注 (2023 办法; rule {@code purpose-breach}) and stays so.
     * Operators and approvers of the lender; audited. Returns the loan as classified.
     */
    Loan recordPurposeBreach(Caller caller, long loanId, String reason);

    /** Writes off (核销) a non-performing loan: the balance leaves the books into memo accounts. */
    Loan writeOff(Caller caller, long loanId, String reason);

    /**
     * Transfers (转让) a non-performing loan to a buyer (an asset management company…) at a price: the
     * claim leaves the books, the difference to its carrying amount is a loss or a release.
     */
    record TransferRequest(BigDecimal price, String buyer, String reason) {
    }

    Transaction transfer(Caller caller, long loanId, TransferRequest request);

    /** Cash recovered on a written-off loan. */
    Transaction recover(Caller caller, long loanId, BigDecimal amount, LocalDate valueDate);

    Loan get(Caller caller, long id);

    record Filter(String status, Tier tier, Long borrowerId, Boolean overdue) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    Page<Loan> search(Caller caller, Filter filter, PageRequest page);

    List<Installment> schedule(Caller caller, long loanId);

    /**
     * Tags derived from facts: MANUFACTURING, MEDIUM_LONG_TERM, UNSECURED, KEY_CHAIN, TECH_SME,
     * PRIVATE_ENTERPRISE, TECH_TRANSFORMATION, EQUIPMENT_RENEWAL.
     */
    List<String> tags(Caller caller, long loanId);

    /** {@code kind} COLLATERAL, PLEDGE or GUARANTEE; a filing number must be the institution's own active filing. */
    record SecurityRequest(String kind, String description, BigDecimal value, String guarantor, String filingNumber) {
    }

    LoanSecurity attachSecurity(Caller caller, long loanId, SecurityRequest request);

    List<LoanSecurity> securities(Caller caller, long loanId);

    record Transaction(long id, long loanId, String type, LocalDate valueDate, BigDecimal amount, BigDecimal principal,
                       BigDecimal interest, BigDecimal penalty, BigDecimal fee, String payee, long entryId, String createdBy,
                       Instant createdAt) {
    }

    List<Transaction> transactions(Caller caller, long loanId);

    record Classification(long id, LocalDate businessDate, Tier from, Tier to, String rule, String reason, String actor,
                          Instant at) {
    }

    List<Classification> classifications(Caller caller, long loanId);
}
