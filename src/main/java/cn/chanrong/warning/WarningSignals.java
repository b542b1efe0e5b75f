package cn.chanrong.warning;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.domain.SignalRule;
import cn.chanrong.warning.domain.WarningLevel;
import java.time.LocalDate;
import java.util.List;

/**
 * Early-warning signals per borrower (issue 20 §2), computed when asked on the business date: each a named rule with
 * its reason, weighed by the settings in force and combined into a warning level (docs/WARNING.md §2). A warning
 * informs: it never reclassifies a loan. Read by the enterprise itself, the institutions that lend to it or hold its
 * credit lines, every regulator where it is registered (never across regions), administrators.
 */
public interface WarningSignals {

    /** Columns of a public-records file: the list, the enterprise, what it says, where from, the days it holds. */
    String COLUMNS = "kind,credit_code,detail,source,valid_from,valid_to";

    record Signal(SignalRule rule, int weight, String detail, LocalDate since, String source) {
    }

    record Assessment(long enterpriseId, String enterpriseName, String creditCode, LocalDate asOf, int score,
                      WarningLevel level, List<Signal> signals) {
    }

    Assessment assess(Caller caller, long enterpriseId);

    /**
     * The caller's institution's borrowers — risk obligors of its loans outstanding and holders of its active credit
     * lines — by name, each assessed (an institution's list; nobody else has one).
     */
    cn.chanrong.shared.Page<Assessment> borrowers(Caller caller, cn.chanrong.shared.PageRequest page);

    /**
     * Imports public records (kinds LITIGATION, ENFORCEMENT, DISHONEST_DEBTOR, ABNORMAL_OPERATION,
     * PERSISTENT_BILL_OVERDUE) as an administrator or a national regulator of MIIT, NDRC, the PBOC or NFRA: refused
     * whole on any bad row; a row with the kind, code and first day of one held replaces it.
     */
    ImportReport importPublicRecords(Caller caller, Upload file, String charset);
}
