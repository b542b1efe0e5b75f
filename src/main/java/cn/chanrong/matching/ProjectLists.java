package cn.chanrong.matching;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Project lists (项目推送): a regulator (MIIT, NDRC) imports a candidate list; each item is pushed to
 * suitable institutions and tracked through the docking steps; contact is due within a number of
 * working days. An item is visible only to the institutions it was pushed to and the issuing regulator.
 */
public interface ProjectLists {

    /** A list and its service level: items contacted by at least one institution over all items. */
    record ListInfo(long id, String batchNo, String listType, String department, String regionCode, String issuedBy,
                    LocalDate issuedOn, int contactDays, long items, long pushes, long contactedItems,
                    BigDecimal contactRate, long overduePushes) {
    }

    record Step(int seq, String status, LocalDate onDate, boolean implied, String actor, String note) {
    }

    record Push(long itemId, long institutionId, String institutionName, String status, LocalDate pushedOn,
                LocalDate contactDue, LocalDate contactedOn, BigDecimal signedAmount, BigDecimal disbursedAmount,
                Long loanId, String declineReason, boolean overdue, List<Step> steps) {
    }

    record Item(long id, long listId, String batchNo, String listType, int line, String creditCode, Long enterpriseId,
                String enterpriseName, String projectName, BigDecimal investment, BigDecimal financingNeeded,
                String regionCode, List<Push> pushes) {
    }

    /** A step an institution records: status, the day it happened (today if absent), and what the step needs. */
    record StepRequest(String status, LocalDate onDate, BigDecimal amount, Long loanId, String reason, String note) {
    }

    /** The import's report and, when accepted, the list created. */
    record Imported(ImportReport report, ListInfo list) {
    }

    Imported importList(Caller caller, byte[] csv, String charset, Integer contactDays);

    /** As {@link #importList(Caller, byte[], String, Integer)}, streaming an uploaded file. */
    Imported importList(Caller caller, Upload csv, String charset, Integer contactDays);

    Page<ListInfo> lists(Caller caller, PageRequest page);

    ListInfo list(Caller caller, long id);

    /** Items of a list the caller may see; {@code status} filters by the caller's (or any) push status. */
    Page<Item> items(Caller caller, long listId, String status, PageRequest page);

    Item item(Caller caller, long itemId);

    /** An institution records a step of its own push. */
    Push advance(Caller caller, long itemId, StepRequest request);

    /** The issuing regulator withdraws an item from every institution still working on it. */
    Item withdraw(Caller caller, long itemId, String note);

    /** Pushes not contacted by their due day: an institution's own, or those of a regulator's lists. */
    List<Item> overdue(Caller caller);
}
