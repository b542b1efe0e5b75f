package cn.chanrong.warning.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The named early-warning signals built so far (docs/WARNING.md §2 defines each): the five public lists imported as
 * CSV, a confirmed fund-diversion case reported to the mechanism, a regulator's high-risk list, a sector the
 * restricted-industry catalogue restricts or eliminates, arrears at any lender, receivables owed past their payment
 * term (a core enterprise paying its suppliers late), a supplier's or customer's default, and the data-credit grade
 * fallen two notches or more within a year.
 */
public enum SignalRule {
    DISHONEST_DEBTOR(true), ENFORCEMENT(true), LITIGATION(true), ABNORMAL_OPERATION(true), PERSISTENT_BILL_OVERDUE(true),
    CONFIRMED_DIVERSION(false), HIGH_RISK_LIST(false), RESTRICTED_SECTOR(false), OVERDUE_AT_LENDERS(false),
    PAYS_SUPPLIERS_LATE(false), CHAIN_DEFAULT(false), SCORE_DETERIORATION(false);

    private final boolean publicList;

    SignalRule(boolean publicList) {
        this.publicList = publicList;
    }

    /** Whether the signal comes from a public list imported as CSV (its kind is the rule's name). */
    public boolean publicList() {
        return publicList;
    }

    public static Optional<SignalRule> publicList(String kind) {
        return Arrays.stream(values()).filter(r -> r.publicList && r.name().equals(kind)).findFirst();
    }
}
