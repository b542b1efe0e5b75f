package cn.chanrong.cashflow.domain;

import java.util.Objects;

/**
 * A category and the rule that decided it, so a reviewer can see why a flow was counted as revenue
 * (or not) and overrule it.
 *
 * @param reason short English text, e.g. {@code keyword "工资" (PAYROLL, out)}
 */
public record Categorisation(CounterpartyCategory category, String reason) {

    public Categorisation {
        Objects.requireNonNull(category, "category");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a categorisation needs a reason");
        }
    }
}
