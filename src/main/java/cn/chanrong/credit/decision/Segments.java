package cn.chanrong.credit.decision;

/**
 * Industry groups the scorecards are segmented by (GB/T 4754 divisions), and growth stage as the
 * second level; a segment without its own model falls back to its parent, then to ALL.
 */
public final class Segments {

    public static final String ALL = "ALL";

    private Segments() {
    }

    public static String of(String industryCode) {
        if (industryCode == null || industryCode.length() < 3) {
            return ALL;
        }
        char section = industryCode.charAt(0);
        int division;
        try {
            division = Integer.parseInt(industryCode.substring(1, 3));
        } catch (NumberFormatException e) {
            return ALL;
        }
        if (section == 'I' && division == 65) {
            return "I65 软件";
        }
        if (section != 'C') {
            return ALL;
        }
        if (division == 34 || division == 35) {
            return "C34-35 装备";
        }
        if (division >= 38 && division <= 40) {
            return "C38-40 电子仪器";
        }
        if (division >= 26 && division <= 33) {
            return "C26-30 材料";
        }
        if (division >= 13 && division <= 24) {
            return "C13-24 轻工";
        }
        return ALL;
    }
}
