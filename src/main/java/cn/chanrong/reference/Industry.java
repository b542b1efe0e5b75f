package cn.chanrong.reference;

/** One entry of GB/T 4754-2017: section (A), division (C34), group (C342) or class (C3421). */
public record Industry(String code, int level, String parent, String nameZh, String nameEn) {

    public String section() {
        return code.substring(0, 1);
    }

    /** The two-digit division number, or null for a section. */
    public String division() {
        return code.length() >= 3 ? code.substring(1, 3) : null;
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }
}
