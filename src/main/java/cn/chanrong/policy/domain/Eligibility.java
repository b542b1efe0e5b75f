package cn.chanrong.policy.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Who and what a programme version takes, as data: institutions by type and by unified social credit code, loans
 * by the project list they were pushed on, by purpose, by the dates they were disbursed, with a green catalogue
 * code, with a verified CO2 reduction (the carbon tool's carbon-reduction loans), in the regions named (GB/T 2260 prefixes, for local programmes and pilot cities). An empty list admits
 * all; every list is checked against its reference data by the service.
 */
public record Eligibility(List<String> institutionTypes, List<String> institutions, List<String> listTypes,
                          List<String> purposes, boolean greenCodeRequired, boolean carbonReductionVerified,
                          List<String> regions, LocalDate loansFrom, LocalDate loansTo) {

    public Eligibility {
        institutionTypes = List.copyOf(institutionTypes);
        institutions = List.copyOf(institutions);
        listTypes = List.copyOf(listTypes);
        purposes = List.copyOf(purposes);
        regions = List.copyOf(regions);
    }

    public static final Eligibility ANY = new Eligibility(List.of(), List.of(), List.of(), List.of(), false, false, List.of(), null,
            null);

    /** The project lists a loan may have been pushed on (matching's list types). */
    public static final java.util.Set<String> LIST_TYPES = java.util.Set.of("TECH_SME", "TECH_TRANSFORMATION",
            "EQUIPMENT_RENEWAL", "KEY_CHAIN");
    /** A loan's contracted purposes (as lending takes them). */
    public static final java.util.Set<String> PURPOSES = java.util.Set.of("WORKING_CAPITAL", "FIXED_ASSET",
            "EQUIPMENT_RENEWAL", "TECH_TRANSFORMATION", "MERGER_ACQUISITION", "RESEARCH");

    /**
     * Reads eligibility from JSON members (lists of texts, a boolean, dates as text), each list's values among
     * those allowed ({@code institutionTypes} given by the caller); problems named {@code eligibility.<member>}.
     */
    public static Eligibility parse(java.util.Map<String, ?> raw, java.util.Set<String> institutionTypes,
                                    List<cn.chanrong.shared.Rejection> problems) {
        int before = problems.size();
        var types = list(raw, "institutionTypes", institutionTypes, null, problems);
        var institutions = list(raw, "institutions", null, "[0-9A-Z]{18}", problems);
        var lists = list(raw, "listTypes", LIST_TYPES, null, problems);
        var purposes = list(raw, "purposes", PURPOSES, null, problems);
        var regions = list(raw, "regions", null, "[0-9]{2}([0-9]{2}){0,2}", problems);
        Object green = raw.get("greenCodeRequired");
        if (green != null && !(green instanceof Boolean)) {
            problems.add(cn.chanrong.shared.Rejection.of("policy.eligibility.boolean", "eligibility.greenCodeRequired"));
        }
        Object carbon = raw.get("carbonReductionVerified");
        if (carbon != null && !(carbon instanceof Boolean)) {
            problems.add(cn.chanrong.shared.Rejection.of("policy.eligibility.boolean", "eligibility.carbonReductionVerified"));
        }
        LocalDate from = date(raw, "loansFrom", problems);
        LocalDate to = date(raw, "loansTo", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(cn.chanrong.shared.Rejection.of("policy.eligibility.period", "eligibility.loansTo", from, to));
        }
        for (String k : raw.keySet()) {
            if (!java.util.Set.of("institutionTypes", "institutions", "listTypes", "purposes", "regions", "greenCodeRequired",
                    "carbonReductionVerified", "loansFrom", "loansTo").contains(k)) {
                problems.add(cn.chanrong.shared.Rejection.of("policy.eligibility.unknown", "eligibility." + k));
            }
        }
        return problems.size() == before ? new Eligibility(types, institutions, lists, purposes, Boolean.TRUE.equals(green),
                Boolean.TRUE.equals(carbon), regions, from, to) : null;
    }

    /** As stored: the lists, the flag, the dates as text (absent when none). */
    public java.util.Map<String, Object> stored() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (!institutionTypes.isEmpty()) {
            m.put("institutionTypes", institutionTypes);
        }
        if (!institutions.isEmpty()) {
            m.put("institutions", institutions);
        }
        if (!listTypes.isEmpty()) {
            m.put("listTypes", listTypes);
        }
        if (!purposes.isEmpty()) {
            m.put("purposes", purposes);
        }
        if (greenCodeRequired) {
            m.put("greenCodeRequired", true);
        }
        if (carbonReductionVerified) {
            m.put("carbonReductionVerified", true);
        }
        if (!regions.isEmpty()) {
            m.put("regions", regions);
        }
        if (loansFrom != null) {
            m.put("loansFrom", loansFrom.toString());
        }
        if (loansTo != null) {
            m.put("loansTo", loansTo.toString());
        }
        return m;
    }

    private static List<String> list(java.util.Map<String, ?> raw, String name, java.util.Set<String> allowed, String pattern,
                                     List<cn.chanrong.shared.Rejection> problems) {
        Object v = raw.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items) || items.size() > 200) {
            problems.add(cn.chanrong.shared.Rejection.of("policy.eligibility.list", "eligibility." + name));
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object o : items) {
            String s = o instanceof String t ? t.strip() : null;
            boolean ok = s != null && (allowed == null || allowed.contains(s)) && (pattern == null || s.matches(pattern));
            if (!ok) {
                String shown = String.valueOf(o);
                problems.add(allowed != null
                        ? cn.chanrong.shared.Rejection.of("enum", "eligibility." + name, shown.length() > 40 ? shown.substring(0, 40) : shown,
                                String.join(", ", new java.util.TreeSet<>(allowed)))
                        : cn.chanrong.shared.Rejection.of("policy.eligibility.value", "eligibility." + name,
                                shown.length() > 40 ? shown.substring(0, 40) : shown));
                return List.of();
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static LocalDate date(java.util.Map<String, ?> raw, String name, List<cn.chanrong.shared.Rejection> problems) {
        Object v = raw.get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse((String) v);
        } catch (RuntimeException e) {
            problems.add(cn.chanrong.shared.Rejection.of("date.format", "eligibility." + name, String.valueOf(v)));
            return null;
        }
    }
}
