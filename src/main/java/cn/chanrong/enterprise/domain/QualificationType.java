package cn.chanrong.enterprise.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Qualifications an enterprise can hold, each granted by an issuer for a validity period. What the
 * enterprise types is only declared; a qualification is verified when the issuing authority's list
 * or a regulator's confirmation says so ({@link StatusRules}).
 */
public enum QualificationType {
    HIGH_TECH("高新技术企业", "High-tech enterprise"),
    TECH_SME("科技型中小企业", "Technology-based SME"),
    INNOVATIVE_SME("创新型中小企业", "Innovative SME"),
    SPECIALISED_SME("专精特新中小企业", "Specialised and sophisticated SME"),
    LITTLE_GIANT("专精特新“小巨人”企业", "Specialised \"little giant\""),
    SINGLE_CHAMPION("制造业单项冠军", "Manufacturing single champion"),
    CHAIN_LEADER("链主企业", "Chain leader"),
    FIRST_SET("首台（套）重大技术装备", "First-set major technical equipment"),
    GREEN_FACTORY("绿色工厂", "Green factory");

    private final String nameZh;
    private final String nameEn;

    QualificationType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

    public static Optional<QualificationType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
