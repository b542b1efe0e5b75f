package cn.chanrong.warning;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.domain.ExposureAction;
import cn.chanrong.warning.domain.ExposureStatus;
import cn.chanrong.warning.domain.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Shared high-risk lists (issue 20 §1). A regulator of MIIT, NDRC, the PBOC or NFRA publishes a list — a CSV of
 * enterprises (and projects) by unified social credit code, refused whole on any bad row — with its reason, severity,
 * confidentiality and the working days to answer; a regional regulator only names enterprises of its region. The
 * platform matches every entry against every institution's book on the risk obligor and its group (loans outstanding,
 * unused credit lines) and opens an exposure for each institution exposed, to be answered by the due day with the
 * action taken.
 *
 * <p>Who sees what: an institution its own exposures (and the lists that name them); the financial regulators (PBOC,
 * NFRA) the exposures with their amounts in their region; the industry departments (MIIT, NDRC) which institutions are
 * exposed, whether and when each answered and the action — never the amounts; a confidential list only its issuing
 * department and the institutions exposed. A regional regulator sees the entries of enterprises in its region.
 */
public interface WarningLists {

    /** Columns of a list file: the credit code, the project (optional), the entry's own reason (optional). */
    String COLUMNS = "credit_code,project_name,reason";

    record Publish(String title, String reason, Severity severity, boolean confidential, Integer answerDays) {
    }

    record ListInfo(long id, String number, String department, String regionCode, String title, String reason,
                    Severity severity, boolean confidential, int answerDays, LocalDate publishedOn, LocalDate dueOn,
                    String publishedBy, int entries, int exposures, int answered, int overdue) {
    }

    record Entry(long id, int line, long enterpriseId, String creditCode, String enterpriseName, String regionCode,
                 String projectName, String reason) {
    }

    /**
     * An institution's exposure to a listed enterprise; {@code loanBalance} and {@code facilityAvailable} are null for a
     * reader who may not see a bank's amounts.
     */
    record Exposure(long id, long listId, String listNumber, String listTitle, Severity severity, long entryId,
                    long enterpriseId, String enterpriseName, long institutionId, String institutionName, String via,
                    Integer loans, BigDecimal loanBalance, BigDecimal facilityAvailable, BigDecimal guaranteed,
                    BigDecimal invested, LocalDate dueOn,
                    ExposureStatus status, boolean overdue, boolean late, ExposureAction action, String note,
                    LocalDate answeredOn, String answeredBy) {
    }

    record Published(ImportReport report, ListInfo list) {
    }

    record Answer(ExposureAction action, String note) {
    }

    Published publish(Caller caller, Publish header, Upload file, String charset);

    Page<ListInfo> lists(Caller caller, PageRequest page);

    ListInfo list(Caller caller, long id);

    List<Entry> entries(Caller caller, long listId);

    Page<Exposure> exposures(Caller caller, Long listId, String status, PageRequest page);

    Exposure answer(Caller caller, long exposureId, Answer answer);
}
