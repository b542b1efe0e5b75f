package cn.chanrong.credit.decision;

import java.math.BigDecimal;

/** What is asked for: amount in yuan, term in months, purpose, and whether security is offered. */
public record Terms(BigDecimal amount, Integer months, Purpose purpose, Boolean secured) {

    public enum Purpose { WORKING_CAPITAL, FIXED_ASSET, EQUIPMENT_RENEWAL, TECH_TRANSFORMATION, RD, MA }
}
