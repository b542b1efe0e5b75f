package cn.chanrong.statistics;

/** How many registered enterprises fall in one province and size class. */
public record EnterpriseCount(String provinceCode, String sizeClass, long count) {
}
