/**
 * Scorecard training and validation in plain Java, with no Spring, database or clock: tabular data
 * read from CSV, ARFF or space-separated files; monotone weight-of-evidence binning; selection by
 * information value; logistic regression fitted by IRLS with standard errors; points scaling; reason
 * codes; and the validation figures (AUC, KS, Gini, Brier, calibration, PSI) with stratified
 * cross-validation. The platform stores the resulting {@link cn.chanrong.credit.scorecard.Scorecard}
 * as versioned JSON; the command line trains and evaluates files with it directly.
 */
@org.springframework.modulith.NamedInterface("scorecard")
package cn.chanrong.credit.scorecard;
