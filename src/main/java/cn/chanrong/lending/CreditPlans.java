package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The manufacturing credit plan (单列制造业信贷计划): an institution's yearly targets, measured on
 * balances of loans tagged manufacturing, against what its book shows on the business date.
 */
public interface CreditPlans {

    /** Shares are fractions (0.45 = 45 %); amounts in yuan. */
    record Request(BigDecimal netIncreaseTarget, BigDecimal mltShareTarget, BigDecimal creditShareTarget,
                   Integer firstLoanTarget, BigDecimal keyChainBalanceTarget) {
    }

    record Plan(long institutionId, int year, BigDecimal netIncreaseTarget, BigDecimal mltShareTarget,
                BigDecimal creditShareTarget, Integer firstLoanTarget, BigDecimal keyChainBalanceTarget, String setBy) {
    }

    /**
     * What the book shows: manufacturing balance at the start of the year and on {@code asOf}, the
     * shares of medium/long-term and unsecured loans in it, the key-chain balance, and the first-loan
     * borrowers (首贷户) whose manufacturing loans were disbursed in the year.
     */
    record Actual(LocalDate asOf, BigDecimal balanceAtStart, BigDecimal balance, BigDecimal netIncrease,
                  BigDecimal mltShare, BigDecimal creditShare, Integer firstLoanBorrowers, BigDecimal keyChainBalance,
                  long loans) {
    }

    record Report(long institutionId, String institutionName, int year, Plan plan, Actual actual) {
    }

    Plan set(Caller caller, int year, Request request);

    Report report(Caller caller, long institutionId, int year);

    /** Every institution's report, for regulators and administrators. */
    List<Report> reports(Caller caller, int year);
}
