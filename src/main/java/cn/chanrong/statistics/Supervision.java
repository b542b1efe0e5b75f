package cn.chanrong.statistics;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Supervision statistics with fixed definitions (docs/STATISTICS.md): the regulator's dashboard, scoped
 * to its region and department, and the public overview, aggregates only with small cells suppressed.
 */
public interface Supervision {

    /**
     * The figures of one cell. Amounts in yuan. Shares and ratios are fractions (null when undefined);
     * {@code suppressed} cells carry no figures, only their key. Balances and their shares count the financed
     * firm (lending direction); {@code exposureBalance}, {@code nplBalance} and {@code nplRatio} count the risk
     * obligor who repays (FACTS §10), so a core enterprise's default on a discounted voucher lands in the core
     * enterprise's cells. {@code juniorBalance}: loans whose pledge ranks behind another funder's senior claim.
     */
    record Figures(long enterprises, long needs, BigDecimal needAmount, long matchedNeeds, BigDecimal signedAmount,
                   BigDecimal disbursedAmount, long disbursements, long beneficiaries, BigDecimal averagePerBeneficiary,
                   BigDecimal balance, BigDecimal balanceYearAgo, BigDecimal yoyGrowth, BigDecimal disbursedYearAgo,
                   BigDecimal mfgBalance, BigDecimal mltShare, BigDecimal creditShare, BigDecimal nplBalance,
                   BigDecimal nplRatio, long firstLoanBorrowers, long contributors, BigDecimal exposureBalance,
                   BigDecimal juniorBalance, boolean suppressed) {
    }

    record Cell(String key, String label, Figures figures) {
    }

    record FunnelStep(String step, long count) {
    }

    /** A plan against the book for one institution this year. */
    record Plan(long institutionId, String institutionName, BigDecimal netIncreaseTarget, BigDecimal netIncrease,
                BigDecimal mltShareTarget, BigDecimal mltShare, BigDecimal creditShareTarget, BigDecimal creditShare) {
    }

    /**
     * {@code dimension} breakdowns are keyed CHAIN, PROVINCE, INDUSTRY, SIZE, STAGE, OWNERSHIP,
     * PRODUCT_TYPE and TIER (the last two only where loans carry them); {@code series} is by month, oldest first.
     */
    /**
     * One instrument's figures of the year to the as-of day beside the others (the Guidance's loans, bonds, equity and
     * insurance working together): LOAN — loans paid out; EQUITY — equity investments made (the capital module's deals);
     * LEASE — financial leases started, the amount financed; INSURANCE — first-of-a-kind policies whose cover started, the
     * sum insured.
     */
    record Instrument(String kind, long count, long enterprises, BigDecimal amount) {
    }

    record Dashboard(String scope, boolean publicView, int minCell, LocalDate asOf, Instant refreshedAt,
                     Long refreshMillis, long institutions, long products, Figures headline, BigDecimal increment,
                     Map<String, List<Cell>> breakdowns, List<Cell> series, List<FunnelStep> needFunnel,
                     List<FunnelStep> pushFunnel, List<Plan> plans, List<Instrument> instruments) {
    }

    Dashboard dashboard(Caller caller, java.util.Locale locale);

    Dashboard publicOverview(java.util.Locale locale);

    /** Rebuilds the aggregates now; returns the milliseconds it took. */
    long refresh(Caller caller);
}
