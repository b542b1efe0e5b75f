package cn.chanrong.enterprise.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The issuing authorities' lists a regulator imports ({@code POST /api/v1/status-lists}), each with a
 * stable code — the code of the qualification it verifies — and the names a list file may use for it.
 * 链主 / key-chain enterprise is the list of the key chains' leading and key enterprises; which of the
 * eight key chains of measure (一) it covers is the enterprise's key-chain tag ({@link StatusRules}).
 */
public enum StatusList {
    SPECIALISED_SME(QualificationType.SPECIALISED_SME, "专精特新", "专精特新中小企业"),
    LITTLE_GIANT(QualificationType.LITTLE_GIANT, "小巨人", "专精特新“小巨人”企业", "专精特新\"小巨人\"企业"),
    HIGH_TECH(QualificationType.HIGH_TECH, "高新技术企业"),
    CHAIN_LEADER(QualificationType.CHAIN_LEADER, "链主", "链主企业", "重点产业链企业", "KEY_CHAIN"),
    FIRST_SET(QualificationType.FIRST_SET, "首台套", "首台（套）", "首台(套)", "首台（套）重大技术装备"),
    GREEN_FACTORY(QualificationType.GREEN_FACTORY, "绿色工厂");

    private final QualificationType type;
    private final List<String> names;

    StatusList(QualificationType type, String... names) {
        this.type = type;
        this.names = List.of(names);
    }

    /** The qualification the list verifies. */
    public QualificationType type() {
        return type;
    }

    /** The list's name in a file, the first of its names. */
    public String nameZh() {
        return names.getFirst();
    }

    /** A list by its code (any case) or one of its Chinese names. */
    public static Optional<StatusList> parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        String v = cell.strip();
        return Arrays.stream(values())
                .filter(l -> l.name().equals(v.toUpperCase(Locale.ROOT)) || l.names.contains(v))
                .findFirst();
    }

    /** The codes and names a file may use, for the message that refuses another. */
    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(l -> l.name() + "/" + l.nameZh()).toList());
    }
}
