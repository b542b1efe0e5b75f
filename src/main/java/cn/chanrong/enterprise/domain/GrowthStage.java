package cn.chanrong.enterprise.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * Growth stage, derived from age and size (documented in ARCHITECTURE.md): a start-up is under
 * three years old; an SME under ten years is growing; everything else is mature. Later issues may
 * refine it with revenue growth from the annual statements.
 */
public enum GrowthStage { STARTUP, GROWTH, MATURE;

    public static final int STARTUP_YEARS = 3;
    public static final int GROWTH_YEARS = 10;

    public static GrowthStage of(LocalDate founded, SizeClass size, LocalDate today) {
        int years = Period.between(founded, today).getYears();
        if (years < STARTUP_YEARS) {
            return STARTUP;
        }
        if (years < GROWTH_YEARS && size.isSme()) {
            return GROWTH;
        }
        return MATURE;
    }
}
