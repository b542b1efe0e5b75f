package cn.chanrong.reference;

/** A GB/T 2260 province (level 1) or prefecture-level division (level 2), six-digit code. */
public record Region(String code, int level, String parent, String nameZh, String nameEn) {

    public String provinceCode() {
        return code.substring(0, 2) + "0000";
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }
}
