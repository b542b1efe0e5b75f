package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.domain.ProfileRules;

/** The edit form: every field as typed, so a wrong number is reported against its field. */
public class EnterpriseForm {

    private String creditCode;
    private String name;
    private String nameEn;
    private String regionCode;
    private String industryCode;
    private String ownership;
    private String foundingDate;
    private String employees;
    private String annualRevenue;
    private String creditCodeOverrideReason;
    private Integer version;

    static EnterpriseForm of(Enterprise e) {
        EnterpriseForm f = new EnterpriseForm();
        f.creditCode = e.creditCode();
        f.name = e.name();
        f.nameEn = e.nameEn();
        f.regionCode = e.regionCode();
        f.industryCode = e.industryCode();
        f.ownership = e.ownership().name();
        f.foundingDate = e.foundingDate().toString();
        f.employees = Integer.toString(e.employees());
        f.annualRevenue = e.annualRevenue().toPlainString();
        f.version = e.version();
        return f;
    }

    /** The employees field as a number, or null when it is not one (the caller reports that). */
    Integer employeesNumber() {
        try {
            return employees == null || employees.isBlank() ? null : Integer.valueOf(employees.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean employeesMalformed() {
        return employees != null && !employees.isBlank() && employeesNumber() == null;
    }

    ProfileRules.Input input() {
        return new ProfileRules.Input(creditCode, name, nameEn, regionCode, industryCode, ownership, foundingDate,
                employeesNumber(), annualRevenue, creditCodeOverrideReason);
    }

    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String v) { creditCode = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String v) { nameEn = v; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String v) { regionCode = v; }
    public String getIndustryCode() { return industryCode; }
    public void setIndustryCode(String v) { industryCode = v; }
    public String getOwnership() { return ownership; }
    public void setOwnership(String v) { ownership = v; }
    public String getFoundingDate() { return foundingDate; }
    public void setFoundingDate(String v) { foundingDate = v; }
    public String getEmployees() { return employees; }
    public void setEmployees(String v) { employees = v; }
    public String getAnnualRevenue() { return annualRevenue; }
    public void setAnnualRevenue(String v) { annualRevenue = v; }
    public String getCreditCodeOverrideReason() { return creditCodeOverrideReason; }
    public void setCreditCodeOverrideReason(String v) { creditCodeOverrideReason = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
