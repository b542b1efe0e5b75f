package cn.chanrong.capital;

import cn.chanrong.capital.domain.HardTech;
import cn.chanrong.capital.domain.ListingBoard;
import cn.chanrong.capital.domain.ListingStage;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The hard-tech evaluation and the 千帆百舸 listing-cultivation pipeline (issue 21 §4). A board's criteria are effective-dated
 * data with their sources; an evaluation runs an enterprise's three latest full years of statements, its headcount and
 * its declared invention patents against the criteria in force — the enterprise for itself, the industry department
 * (MIIT) of its region, administrators — and keeps every line met or missed. The industry department enters an
 * enterprise holding a verified 专精特新 status on an evaluation and moves it from cultivation through counselling and
 * filing to listed. Evaluations are read by the enterprise and the regulators of its region; the pipeline also by
 * qualified investors.
 */
public interface Listings {

    record Rule(ListingBoard board, HardTech.Criterion criterion, HardTech.Metric metric, BigDecimal threshold,
                String onlyIndustry, String exceptIndustry, LocalDate effectiveFrom, LocalDate effectiveTo, String source) {
    }

    record ExceptionRule(ListingBoard board, String code, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                     String source) {
    }

    record Criteria(ListingBoard board, LocalDate on, List<Rule> rules, List<ExceptionRule> exceptions) {
    }

    /** {@code enterprise} by credit code (an enterprise's own user may leave it out). */
    record EvaluationRequest(String enterprise, ListingBoard board, Integer inventionPatents, String exception,
                             String exceptionDocument) {
    }

    record Evaluation(long id, String number, long enterpriseId, String enterpriseName, String creditCode, ListingBoard board,
                      LocalDate asOf,
                      int firstYear, int lastYear, BigDecimal revenueFirst, BigDecimal revenueLast, BigDecimal revenue3y,
                      BigDecimal rd3y, int rdStaff, int employees, int inventionPatents, String industryCode,
                      HardTech.Outcome outcome, String exception, String exceptionDocument, List<HardTech.Line> lines) {
    }

    /** {@code enterprise} by credit code; the evaluation by its number (HT…) or id. */
    record EntryRequest(String enterprise, ListingBoard board, String evaluation) {
    }

    record Event(ListingStage from, ListingStage to, LocalDate on, String note, String by) {
    }

    record Entry(long id, long enterpriseId, String enterpriseName, String creditCode, String regionCode,
                 List<String> chains, ListingBoard board, ListingStage stage, String statusBasis, String evaluationNumber,
                 HardTech.Outcome evaluationOutcome, LocalDate enteredOn, LocalDate stageOn, List<Event> events) {
    }

    /** Entries of one province or one chain by stage. */
    record Tally(String code, long cultivation, long counselling, long filing, long listed, long withdrawn) {

        public long live() {
            return cultivation + counselling + filing;
        }
    }

    record Filter(ListingStage stage, ListingBoard board, String region, String chain) {
    }

    record Pipeline(Page<Entry> entries, List<Tally> byProvince, List<Tally> byChain) {
    }

    /** The board's criteria and exceptions in force on the day. */
    Criteria criteria(ListingBoard board, LocalDate on, boolean english);

    Evaluation evaluate(Caller caller, EvaluationRequest request);

    Page<Evaluation> evaluations(Caller caller, PageRequest page);

    Evaluation evaluation(Caller caller, long id);

    Entry enter(Caller caller, EntryRequest request);

    Entry move(Caller caller, long entryId, ListingStage stage, String note);

    Pipeline pipeline(Caller caller, Filter filter, PageRequest page);

    Entry entry(Caller caller, long id);
}
