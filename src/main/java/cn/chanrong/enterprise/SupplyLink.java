package cn.chanrong.enterprise;

import java.math.BigDecimal;

/** One supply relationship seen from an enterprise: the counterparty is its customer or its supplier. */
public record SupplyLink(long counterpartyId, String counterpartyCreditCode, String counterpartyName, Role role,
                         BigDecimal annualVolume) {

    /** What the counterparty is to the enterprise. */
    public enum Role { CUSTOMER, SUPPLIER }
}
