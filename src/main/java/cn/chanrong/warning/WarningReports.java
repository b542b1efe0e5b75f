package cn.chanrong.warning;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.time.LocalDate;

/**
 * Confirmed fund-diversion cases a lender reported to the joint risk-warning mechanism (issue 18 §6), recorded once per
 * case on the loan's risk obligor: the reporting institution sees its own; every regulator (the industry departments
 * too: the mechanism is joint) sees those of enterprises in its region — the case, its rule, who reported it and why,
 * never the loan's figures.
 */
public interface WarningReports {

    record Report(long id, String caseNumber, String rule, long institutionId, String institutionName, long enterpriseId,
                  String enterpriseName, String reason, LocalDate reportedOn, String reportedBy) {
    }

    Page<Report> reports(Caller caller, PageRequest page);
}
