package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The manufacturing credit plan (单列制造业信贷计划): an institution's yearly targets, measured on
 * balances of loans tagged manufacturing, against what its book shows on the business date; beside it
 * the institution's provisions and their ratios against the supervisors' floors.
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

    /**
     * The institution's loan-loss provisions on {@code asOf} (FACTS §8, §10): loans outstanding, the
     * non-performing part, provisions held, 拨备覆盖率 (provisions / NPL; null without NPL) and 贷款拨备率
     * (provisions / loans) beside the floors in force, and the provision rate of each tier it applies.
     */
    record Provisions(LocalDate asOf, BigDecimal loans, BigDecimal npl, BigDecimal provisions, BigDecimal coverageRatio,
                      BigDecimal loanProvisionRatio, BigDecimal coverageFloor, BigDecimal loanProvisionFloor,
                      boolean coverageMet, boolean loanProvisionMet, Map<Tier, BigDecimal> rates) {
    }

    record Report(long institutionId, String institutionName, int year, Plan plan, Actual actual, Provisions provisions) {
    }

    /**
     * An institution's provisioning from {@code validFrom} (today or later): rates by tier as fractions
     * (tiers left out keep what they had), and optionally the floors of its ratios — 拨备覆盖率 within
     * 1.20–1.50 and 贷款拨备率 within 0.015–0.025 (银监发〔2018〕7号), both or neither.
     */
    record ProvisioningRequest(LocalDate validFrom, Map<String, BigDecimal> rates, BigDecimal coverageFloor,
                               BigDecimal loanProvisionFloor) {
    }

    /** Sets the caller's institution's provisioning (approvers); audited. */
    Provisions setProvisioning(Caller caller, ProvisioningRequest request);

    Plan set(Caller caller, int year, Request request);

    Report report(Caller caller, long institutionId, int year);

    /** Every institution's report, for regulators and administrators. */
    List<Report> reports(Caller caller, int year);
}
