package cn.chanrong.capital;

import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.MandateFit;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Equity needs and deals (issue 21 §2–§3). An enterprise publishes an equity need — amount, expected pre-money valuation,
 * stage, use of proceeds — to every qualified investor or to the ones it names; it is read by the enterprise, those
 * investors, the regulators where the enterprise is, administrators — a bank's staff is refused with the rule, so is an
 * investor not yet verified. A qualified investor sees each open need with the fit of each of its mandates. Its deals
 * move from interest to investment or decline (DealStage); a deal may name the need and the roadshow it followed. A deal
 * is read by its investor, the enterprise, the regulators where the enterprise is, administrators.
 */
public interface EquityDeals {

    enum Disclosure { ALL_QUALIFIED, CHOSEN }

    record NeedDraft(BigDecimal amount, BigDecimal preMoney, InvestmentStage stage, String useOfProceeds,
                     Disclosure disclosure, List<String> chosenInvestors) {
    }

    record Fit(long mandateId, String mandate, boolean fits, List<MandateFit.Check> checks) {
    }

    record Need(long id, String number, long enterpriseId, String enterpriseName, String regionCode, BigDecimal amount,
                BigDecimal preMoney, InvestmentStage stage, String useOfProceeds, Disclosure disclosure,
                cn.chanrong.capital.domain.NeedStatus status,
                LocalDate publishedOn, List<Fit> fits) {
    }

    /** {@code enterprise} by credit code; without one, the enterprise of the need named. */
    record Open(String enterprise, Long needId, Long roadshowId, String round) {
    }

    record Move(DealStage stage, BigDecimal amount, BigDecimal sharePercent, BigDecimal postMoney, LocalDate investedOn,
                String reason) {
    }

    record Event(DealStage from, DealStage to, LocalDate on, String note, String by) {
    }

    record Deal(long id, String number, long institutionId, String investorName, long enterpriseId, String enterpriseName,
                Long needId, Long roadshowId, String roadshowTitle, String round, DealStage stage, BigDecimal amount,
                BigDecimal sharePercent, BigDecimal postMoney, LocalDate investedOn, String reason, LocalDate openedOn,
                List<Event> events) {
    }

    Need publish(Caller caller, NeedDraft draft);

    Page<Need> needs(Caller caller, PageRequest page);

    Need need(Caller caller, long id);

    Deal open(Caller caller, Open request);

    Deal move(Caller caller, long dealId, Move move);

    Page<Deal> deals(Caller caller, String stage, PageRequest page);

    Deal deal(Caller caller, long id);

    /** Deals in the caller's scope not yet invested or declined (the home queue's count). */
    long inProgress(Caller caller);
}
