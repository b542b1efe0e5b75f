/**
 * Credit evaluation on data credit: data-credit features from consented cash flows, trained
 * scorecards with reason codes, rule-based scores (innovative SME, 专精特新, little giant, innovation
 * points) and credit decisions. One {@code decide(enterprise, terms)} serves lending's applications and
 * matching's needs alike; the module owns no request entity.
 */
package cn.chanrong.credit;
