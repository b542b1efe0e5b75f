package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.util.List;

/**
 * The policy money at a glance (issue 19 §7), in the caller's scope: re-lending booked and repaid per programme and bank,
 * subsidies accrued, netted, claimed and settled per programme, guarantees outstanding with the losses and what each
 * stage of the chain paid, the pools' money, green, transition and carbon-reduction lending by chain and region. A bank sees its own; the financial regulators and the finance department
 * what is in their region.
 */
public interface PolicyDashboard {

    record Relending(long programmeId, String programme, long institutionId, String institution, int booked,
                     BigDecimal outstanding, BigDecimal repaid, int pending) {
    }

    record Subsidy(long programmeId, String programme, int loans, int stopped, BigDecimal accrued, BigDecimal settled,
                   BigDecimal claimed, BigDecimal claimSettled) {
    }

    /**
     * Per scheme: guarantees, what is guaranteed and not claimed on, the losses, what the three stages paid, and the
     * agencies' average fee (weighted by the amounts guaranteed) beside the scheme's target in force today.
     */
    record Guarantee(long programmeId, String programme, int guarantees, BigDecimal outstanding, BigDecimal losses,
                     BigDecimal agencyPaid, BigDecimal reguarantorPaid, BigDecimal fundPaid, BigDecimal averageFeePercent,
                     BigDecimal feeTargetPercent) {
    }

    /**
     * Green, transition and carbon-reduction lending outstanding by key chain ({@code CHAIN}) or province
     * ({@code REGION}), with lending to the energy-intensive (两高一资) sectors beside it — the Guidance's caution in
     * (十六): green performance is never read off volume alone. A transition loan is a technology-transformation or
     * equipment-renewal loan to a borrower in a transition-finance pilot sector (docs/POLICY.md §6).
     */
    record Green(String dimension, String key, String name, String nameEn, int greenLoans, BigDecimal greenBalance, int transitionLoans,
                 BigDecimal transitionBalance, int energyIntensiveLoans, BigDecimal energyIntensiveBalance,
                 BigDecimal energyIntensiveGreenBalance, int carbonLoans, BigDecimal carbonBalance, BigDecimal co2Tonnes) {
    }

    record Figures(List<Relending> relending, List<Subsidy> subsidies, List<Guarantee> guarantees, List<Pools.Pool> pools,
                   List<Green> green) {
    }

    Figures figures(Caller caller);
}
