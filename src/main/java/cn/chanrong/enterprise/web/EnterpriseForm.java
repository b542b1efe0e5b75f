package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.domain.ProfileRules;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private String mainProducts;
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
        f.mainProducts = String.join("；", e.mainProducts());
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

    /**
     * What is typed where a number belongs and is none, read once here at the edge: the employees as a
     * whole number ({@code integer}), the revenue as an amount ({@code amount.format}, {@code amount.scale}).
     * Empty fields are not malformed; the rules say whether they are required.
     */
    List<Rejection> malformed() {
        List<Rejection> out = new ArrayList<>();
        if (employees != null && !employees.isBlank() && employeesNumber() == null) {
            out.add(Rejection.of("integer", "employees", employees));
        }
        try {
            revenue();
        } catch (Rejected r) {
            out.addAll(r.rejections());
        }
        return out;
    }

    /** The revenue as a number, null when blank. @throws Rejected when it is not an amount */
    private BigDecimal revenue() {
        return Amounts.read(annualRevenue, "annualRevenue", 2);
    }

    /** The input for the rules; call after {@link #malformed()} found nothing. */
    ProfileRules.Input input() {
        return new ProfileRules.Input(creditCode, name, nameEn, regionCode, industryCode, ownership, foundingDate,
                employeesNumber(), revenue(), creditCodeOverrideReason, products(mainProducts));
    }

    /**
     * The main products as typed in one field, separated by {@code ;}, {@code ；}, {@code 、} or a line
     * break; null when the field was not sent at all (the products held are kept), empty when sent blank.
     */
    static List<String> products(String field) {
        return field == null ? null : Arrays.stream(field.split("[;；、\\r\\n]+")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
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
    public String getMainProducts() { return mainProducts; }
    public void setMainProducts(String v) { mainProducts = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
