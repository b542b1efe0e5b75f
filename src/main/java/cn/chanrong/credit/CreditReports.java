package cn.chanrong.credit;

import cn.chanrong.credit.decision.Reason;
import cn.chanrong.credit.rules.Evaluation;
import cn.chanrong.identity.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's data-credit report: its inputs, the champion's score, band and reasons, what would
 * improve it, the rule-based evaluations (which only suggest qualifications; MIIT-type regulators
 * confirm them) and the monthly flows for charts. The enterprise sees its own; an institution needs a
 * live consent.
 */
public interface CreditReports {

    record Report(long enterpriseId, String enterpriseName, LocalDate asOf, String segment, long modelId, int modelVersion,
                  int score, double probabilityOfDefault, String grade, List<Reason> reasons, List<String> improve,
                  Map<String, Object> inputs, Map<String, Integer> points, List<Evaluation> evaluations, double[] monthlyIn,
                  double[] monthlyOut) {
    }

    Report report(Caller caller, long enterpriseId);
}
