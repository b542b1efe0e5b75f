package cn.chanrong.warning;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One-to-one project coaching (一对一, issue 20 §5). A local office — a regulator of MIIT, a bureau for its region —
 * opens a case for an enterprise's major project with the financing it needs and a checklist of documents and
 * conditions (要件), each supplied by the enterprise, an institution or the office by a day; assigns financial
 * specialists (金融专员) the institutions station at enterprises and parks; records reviews by experts of the pool
 * (产业专家库), each declaring any conflict of interest (a conflicted expert recuses: no recommendation); and links the
 * outcome, a loan paid out to the enterprise or an equity investment in it. The office sees its cases' funnel and delays.
 *
 * <p>Who reads a case: the MIIT regulators of its region, the enterprise, the institutions whose specialists are
 * assigned to it, administrators; anyone else is answered 404.
 */
public interface CoachingCases {

    /** Who supplies a checklist item. */
    enum Supplier { ENTERPRISE, INSTITUTION, OFFICE }

    enum Recommendation { SUPPORT, CONDITIONAL, NOT_SUPPORTED }

    record ItemDraft(String name, Supplier supplier, LocalDate dueOn) {
    }

    /** {@code enterprise} by unified social credit code. */
    record Open(String enterprise, String project, BigDecimal financingNeed, LocalDate dueOn, List<ItemDraft> items) {
    }

    record Item(long id, String name, Supplier supplier, LocalDate dueOn, LocalDate suppliedOn, String suppliedBy,
                boolean overdue) {
    }

    record Specialist(long id, long institutionId, String institutionName, String name, Long enterpriseId,
                      String enterpriseName, String park) {
    }

    record Expert(long id, String name, String organisation, String fields, String regionCode) {
    }

    record Review(long id, long expertId, String expertName, boolean conflict, Recommendation recommendation, String opinion,
                  LocalDate reviewedOn) {
    }

    record Case(long id, String number, String regionCode, long enterpriseId, String enterpriseName, String project,
                BigDecimal financingNeed, LocalDate openedOn, LocalDate dueOn, cn.chanrong.warning.domain.CaseStatus status,
                String outcomeLoan, String outcomeDeal, LocalDate closedOn, int missing, boolean overdue, List<Item> items, List<Specialist> specialists,
                List<Review> reviews) {
    }

    /** An office's cases: open, financed, closed; open past their day; items missing and items past their day. */
    record Funnel(int open, int financed, int closed, int overdueCases, int missingItems, int overdueItems) {
    }

    Case open(Caller caller, Open request);

    Page<Case> list(Caller caller, String status, PageRequest page);

    Case get(Caller caller, long id);

    /** The item's supplier marks it supplied: the enterprise its own, an assigned specialist's institution, the office. */
    Case supply(Caller caller, long itemId);

    Case assign(Caller caller, long caseId, long specialistId);

    Case review(Caller caller, long caseId, long expertId, boolean conflict, Recommendation recommendation, String opinion);

    /**
     * The financing that came of it, by its number: a loan paid out to the case's enterprise (L…) or an equity deal
     * invested in it (EQ…); the case is FINANCED.
     */
    Case outcome(Caller caller, long caseId, String number);

    Funnel funnel(Caller caller);

    Expert registerExpert(Caller caller, Expert expert);

    List<Expert> experts(Caller caller);

    /** An institution's approver or administrator registers a specialist stationed at an enterprise or a park. */
    Specialist registerSpecialist(Caller caller, String name, String enterpriseCreditCode, String park);

    List<Specialist> specialists(Caller caller);
}
