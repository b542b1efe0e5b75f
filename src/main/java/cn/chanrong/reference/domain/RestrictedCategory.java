package cn.chanrong.reference.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two categories of a restricted-industry catalogue that refuse credit (促进产业结构调整暂行规定,
 * 国发〔2005〕40号, art. 18–19, which the 产业结构调整指导目录（2024年本） applies): an
 * <b>eliminated</b> (淘汰类) item gets no credit in any form; a <b>restricted</b> (限制类) item gets no
 * loan for a new project, while its existing capacity may still be financed to upgrade it. The
 * catalogue's third category, 鼓励类 (encouraged), refuses nothing and is not imported.
 */
public enum RestrictedCategory {
    ELIMINATED("淘汰类", "eliminated"),
    RESTRICTED("限制类", "restricted");

    private final String nameZh;
    private final String nameEn;

    RestrictedCategory(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

    /** A category by its code (any case) or its Chinese name, with or without 类. */
    public static Optional<RestrictedCategory> parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        String v = cell.strip();
        return Arrays.stream(values()).filter(c -> c.name().equals(v.toUpperCase(Locale.ROOT)) || c.nameZh.equals(v)
                || c.nameZh.substring(0, 2).equals(v)).findFirst();
    }

    /** The codes and names a file may use, for the message that refuses another. */
    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(c -> c.name() + "/" + c.nameZh).toList());
    }
}
