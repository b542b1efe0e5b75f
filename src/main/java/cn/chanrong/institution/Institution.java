package cn.chanrong.institution;

/** An institution's identity. */
public record Institution(long id, String creditCode, String name, String nameEn, InstitutionType type) {
}
