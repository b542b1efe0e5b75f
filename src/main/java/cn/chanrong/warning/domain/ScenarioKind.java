package cn.chanrong.warning.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a stress scenario shocks: one named enterprise defaults, or every enterprise of a sector or a region loses a share. */
public enum ScenarioKind {
    ENTERPRISE_DEFAULT, SECTOR_SHOCK, REGION_SHOCK;

    public static Optional<ScenarioKind> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.name().equals(s)).findFirst();
    }
}
