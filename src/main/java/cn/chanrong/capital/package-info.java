/**
 * The instruments beyond loans (issues 21 and 22). Patient capital: investors — fund managers registered with the fund
 * association, government guidance funds, insurers' long-term funds, regional equity markets — with their mandates;
 * enterprises' equity needs shown to qualified investors only and matched to mandates with the reason; each investor's
 * deals from interest to investment; the hard-tech evaluation on the boards' published criteria and the 千帆百舸
 * cultivation list. Financial leases of equipment: rentals from lending's schedule core, filed in the registry at
 * signing. An equity deal is no loan and touches no bank's book; a lease is a lessor's customer record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capital")
package cn.chanrong.capital;
