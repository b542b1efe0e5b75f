package cn.chanrong.capital;

import cn.chanrong.capital.domain.InsuranceScheme;
import cn.chanrong.capital.domain.SubsidyClaimStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * First-of-a-kind insurance and its premium subsidy (issue 22 §2). The industry department publishes the catalogue
 * (product and maker); an insurer — its approver or administrator — issues a policy to the maker on a catalogue product,
 * the premium rate within the scheme's cap; the insured maker claims the central premium subsidy, which the industry
 * department confirms and the finance department pays. Read by the insurer, the insured, the regulators of the insured's
 * region, administrators.
 */
public interface Insurance {

    record CatalogueDraft(InsuranceScheme scheme, String edition, String code, String product, String manufacturer,
                          LocalDate validFrom, LocalDate validTo) {
    }

    record CatalogueItem(long id, InsuranceScheme scheme, String edition, String code, String product,
                         String manufacturer, LocalDate validFrom, LocalDate validTo) {
    }

    /** {@code insured} by credit code; the catalogue entry by its code in the edition in force on the start day. */
    record PolicyDraft(String insured, InsuranceScheme scheme, String catalogueCode, String insuredObject,
                       BigDecimal sumInsured, BigDecimal premiumRatePercent, LocalDate startOn, LocalDate endOn) {
    }

    record SubsidyClaim(long id, String number, long policyId, BigDecimal amount, SubsidyClaimStatus status,
                        LocalDate claimedOn, LocalDate confirmedOn, LocalDate paidOn, String refusedReason) {
    }

    record Policy(long id, String number, long insurerId, String insurerName, long insuredId, String insuredName,
                  InsuranceScheme scheme, String catalogueEdition, String catalogueCode, String product,
                  String insuredObject, BigDecimal sumInsured, BigDecimal premiumRatePercent, BigDecimal premium,
                  LocalDate startOn, LocalDate endOn, SubsidyClaim subsidyClaim) {
    }

    enum Decision { CONFIRM, PAY, REFUSE }

    enum LossStatus { REPORTED, PAID, DECLINED }

    record LossReport(LocalDate occurredOn, String description, BigDecimal amount) {
    }

    record LossClaim(long id, String number, long policyId, LocalDate occurredOn, String description, BigDecimal claimed,
                     LossStatus status, BigDecimal paid, String reason, LocalDate reportedOn, LocalDate decidedOn) {
    }

    /** The insured maker reports a product failure within the cover, claiming at most what the sum insured has left. */
    LossClaim reportLoss(Caller caller, long policyId, LossReport report);

    /** The insurer pays a loss claim (at most the amount claimed) or declines it with the reason. */
    LossClaim decideLoss(Caller caller, long lossId, boolean pay, BigDecimal amount, String reason);

    List<LossClaim> losses(Caller caller, long policyId);

    CatalogueItem addCatalogueItem(Caller caller, CatalogueDraft draft);

    /** Whether the caller may issue policies and settle claims: an insurer's approver or administrator. */
    boolean underwrites(Caller caller);

    /** The catalogue entries of a scheme valid on a day (all schemes when null). */
    List<CatalogueItem> catalogue(InsuranceScheme scheme, LocalDate on);

    Policy issue(Caller caller, PolicyDraft draft);

    Page<Policy> policies(Caller caller, PageRequest page);

    Policy policy(Caller caller, long id);

    SubsidyClaim claimSubsidy(Caller caller, long policyId);

    /** The industry department confirms a claim, the finance department pays it; either may refuse it with a reason. */
    SubsidyClaim review(Caller caller, long claimId, Decision decision, String reason);
}
