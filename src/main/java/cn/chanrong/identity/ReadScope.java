package cn.chanrong.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may read one kind of resource, stated once by the module that owns it and applied in SQL.
 * A caller is limited three ways:
 * <ul>
 *   <li><b>by party</b>: an institution sees the rows it is a party to, an enterprise the rows about
 *       itself (the columns or conditions the rule names);</li>
 *   <li><b>by department</b>: banks' customer records ({@link Data#CUSTOMER}) are read by the
 *       financial regulators only (PBOC, NFRA); the industry departments see aggregates and the acts
 *       addressed to them;</li>
 *   <li><b>by region</b>: a regional regulator sees the rows whose parties are registered in its
 *       region, at its depth (a province by two digits of the GB/T 2260 code, a prefecture by four).</li>
 * </ul>
 * Regions come from the read views the enterprise and institution modules publish
 * ({@code enterprise_region_view}, {@code institution_region_view}: an institution is in a region
 * where its head office or one of its branches is), never from their tables. The condition is
 * written for the one caller at hand, so a prepared plan carries no other caller's branch; it binds
 * the parameters {@code sc_inst}, {@code sc_ent} and {@code sc_region}.
 */
public final class ReadScope {

    /** What a resource is, which decides the departments that may read it. */
    public enum Data {
        /** A bank's customer records: credit decisions, loans, exposures, alerts on its book. */
        CUSTOMER,
        /** Acts on the platform every regulator follows in its region: profiles, needs, project lists. */
        REGULATED
    }

    private final Data data;
    private final List<String> institutions = new ArrayList<>();
    private final List<String> enterprises = new ArrayList<>();
    private final List<String> regionEnterprises = new ArrayList<>();
    private final List<String> regionInstitutions = new ArrayList<>();
    private final List<String> regionCodes = new ArrayList<>();
    private final List<String> regionConditions = new ArrayList<>();
    private final List<String> alsoDepartments = new ArrayList<>();
    private boolean institutionsSeeAll;
    private boolean enterprisesSeeAll;

    private ReadScope(Data data) {
        this.data = data;
    }

    /** Customer records of a bank: the parties, the financial regulators in region and administrators. */
    public static ReadScope customerData() {
        return new ReadScope(Data.CUSTOMER);
    }

    /** Records every regulator may follow in its region. */
    public static ReadScope regulated() {
        return new ReadScope(Data.REGULATED);
    }

    /**
     * Enterprises' public profiles (alias of the enterprise id given): every institution, the
     * enterprise itself, the regulators of its region, administrators.
     */
    public static ReadScope enterpriseProfiles(String idColumn) {
        return regulated().enterprise(idColumn).institutionsSeeAll();
    }

    /** An institution sees the row when this column (or expression) is its id. */
    public ReadScope institution(String column) {
        institutions.add(column + " = :sc_inst");
        return this;
    }

    /** An institution sees the row when this condition, binding {@code :sc_inst}, holds. */
    public ReadScope institutionWhen(String condition) {
        institutions.add(condition);
        return this;
    }

    /** An enterprise sees the row when this column is its id; its region places the row. */
    public ReadScope enterprise(String column) {
        enterprises.add(column + " = :sc_ent");
        regionEnterprises.add(column);
        return this;
    }

    /** An enterprise sees the row when this condition, binding {@code :sc_ent}, holds. */
    public ReadScope enterpriseWhen(String condition) {
        enterprises.add(condition);
        return this;
    }

    /** The row is in a region where the enterprise in this column is registered. */
    public ReadScope regionOfEnterprise(String column) {
        regionEnterprises.add(column);
        return this;
    }

    /** The row is in a region where the institution in this column has its head office or a branch. */
    public ReadScope regionOfInstitution(String column) {
        regionInstitutions.add(column);
        return this;
    }

    /** The row carries its own region code in this column (a row without one is national only). */
    public ReadScope regionCode(String column) {
        regionCodes.add(column);
        return this;
    }

    /** The row is in a region when this condition, binding {@code :sc_region} (a LIKE pattern), holds. */
    public ReadScope regionWhen(String condition) {
        regionConditions.add(condition);
        return this;
    }

    /** Every institution sees every row (public profiles, published needs). */
    public ReadScope institutionsSeeAll() {
        institutionsSeeAll = true;
        return this;
    }

    /** Every enterprise sees every row (published catalogues). */
    public ReadScope enterprisesSeeAll() {
        enterprisesSeeAll = true;
        return this;
    }

    /** Whether a regulator of this department may read this kind of resource at all. */
    public boolean department(Caller caller) {
        return data == Data.REGULATED || caller.isFinancialRegulator()
                || caller.role() == Role.REGULATOR && alsoDepartments.contains(caller.department());
    }

    /**
     * Customer records a non-financial department also reads in its region because it pays on them: the finance
     * department (MOF) reads the subsidies and claims it settles.
     */
    public ReadScope alsoDepartment(String department) {
        alsoDepartments.add(department);
        return this;
    }

    /** The SQL condition for the caller, its parameters added to {@code params}. */
    public String where(Caller caller, Map<String, Object> params) {
        return switch (caller.role()) {
            case ADMIN -> "TRUE";
            case INSTITUTION -> {
                if (institutionsSeeAll) {
                    yield "TRUE";
                }
                params.put("sc_inst", caller.institutionId() == null ? -1L : caller.institutionId());
                yield any(institutions);
            }
            case ENTERPRISE -> {
                if (enterprisesSeeAll) {
                    yield "TRUE";
                }
                params.put("sc_ent", caller.enterpriseId() == null ? -1L : caller.enterpriseId());
                yield any(enterprises);
            }
            case REGULATOR -> regulator(caller, params);
        };
    }

    private String regulator(Caller caller, Map<String, Object> params) {
        if (!department(caller)) {
            return "FALSE";
        }
        String prefix = caller.regionPrefix();
        if (prefix == null) {
            return "TRUE";
        }
        params.put("sc_region", prefix + "%");
        List<String> in = new ArrayList<>();
        regionEnterprises.forEach(c -> in.add(c + " IN (SELECT enterprise_id FROM enterprise_region_view"
                + " WHERE region_code LIKE :sc_region)"));
        regionInstitutions.forEach(c -> in.add(c + " IN (SELECT institution_id FROM institution_region_view"
                + " WHERE region_code LIKE :sc_region)"));
        regionCodes.forEach(c -> in.add(c + " LIKE :sc_region"));
        in.addAll(regionConditions);
        return any(in);
    }

    private static String any(List<String> conditions) {
        if (conditions.isEmpty()) {
            return "FALSE";
        }
        return conditions.size() == 1 ? "(" + conditions.get(0) + ")" : "(" + String.join(" OR ", conditions) + ")";
    }
}
