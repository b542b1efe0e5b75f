/**
 * Patient capital (issue 21): investors — fund managers registered with the fund association, government guidance
 * funds, insurers' long-term funds, regional equity markets — with their mandates; enterprises' equity needs shown to
 * qualified investors only and matched to mandates with the reason; each investor's deals from interest to investment.
 * It stands apart from lending: an equity deal is no loan and touches no bank's book.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capital")
package cn.chanrong.capital;
