/**
 * Rule-based evaluations of an enterprise against the MIIT (2022) tier schemes and the MOST innovation-points
 * trial: innovative SME (创新型中小企业) points, 专精特新 SME conditions and points, 小巨人 conditions, and the
 * stage-weighted innovation points (创新积分制). Pure JDK code: each evaluation takes an {@link
 * cn.chanrong.credit.rules.EvaluationInputs} and returns an {@link cn.chanrong.credit.rules.Evaluation} that
 * lists every indicator's points and band, the conditions met and failed, and the inputs that were missing.
 * Numbers stated by the domain facts are code; bands and weights the facts leave open are documented defaults
 * in {@code /credit/*.csv} resources so they can be changed without a release. A result only <em>suggests</em>
 * a qualification: only the regulator (MIIT and its provincial departments) confirms one.
 */
package cn.chanrong.credit.rules;
