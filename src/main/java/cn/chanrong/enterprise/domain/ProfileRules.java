package cn.chanrong.enterprise.domain;

import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules a profile must meet, as a policy that returns every rejection at once. Reference
 * lookups come in as predicates so the rules stay free of any framework.
 */
public final class ProfileRules {

    public static final int MAX_EMPLOYEES = 5_000_000;
    public static final BigDecimal MAX_REVENUE = new BigDecimal("1000000000000000");
    public static final LocalDate EARLIEST_FOUNDING = LocalDate.of(1800, 1, 1);

    /**
     * The input as it arrives, its text untrimmed; the revenue already read as a number at the edge (the
     * JSON binding, the form, the import's cell), its bounds checked here.
     */
    public record Input(String creditCode, String name, String nameEn, String regionCode, String industryCode,
                        String ownership, String foundingDate, Integer employees, BigDecimal annualRevenue,
                        String creditCodeOverrideReason, List<String> mainProducts) {

        /** An input that does not state the main products (the registry import): those held are kept. */
        public Input(String creditCode, String name, String nameEn, String regionCode, String industryCode,
                     String ownership, String foundingDate, Integer employees, BigDecimal annualRevenue,
                     String creditCodeOverrideReason) {
            this(creditCode, name, nameEn, regionCode, industryCode, ownership, foundingDate, employees, annualRevenue,
                    creditCodeOverrideReason, null);
        }
    }

    /** The most main products a profile names. */
    public static final int MAX_PRODUCTS = 10;
    /** The longest name of a main product. */
    public static final int MAX_PRODUCT_LENGTH = 50;

    /** Either a profile or the reasons there is none. */
    public record Outcome(Profile profile, List<Rejection> rejections) {
        public boolean ok() {
            return rejections.isEmpty();
        }
    }

    private final Predicate<String> knownRegion;
    private final Predicate<String> knownIndustryClass;

    public ProfileRules(Predicate<String> knownRegion, Predicate<String> knownIndustryClass) {
        this.knownRegion = knownRegion;
        this.knownIndustryClass = knownIndustryClass;
    }

    /**
     * @param overrideAllowed whether the caller may accept a code that fails only its check
     *                        character (an administrator, with a reason)
     */
    public Outcome check(Input in, boolean overrideAllowed, LocalDate today) {
        List<Rejection> r = new ArrayList<>();
        String code = trim(in.creditCode());
        String override = trim(in.creditCodeOverrideReason());
        if (code == null) {
            r.add(Rejection.of("required", "creditCode"));
        } else {
            Optional<Rejection> bad = CreditCode.check(code, "creditCode");
            if (bad.isPresent()) {
                boolean checkOnly = bad.get().code().equals("credit-code.check");
                if (!checkOnly || override == null) {
                    r.add(bad.get());
                } else if (!overrideAllowed) {
                    r.add(Rejection.of("credit-code.override-forbidden", "creditCodeOverrideReason"));
                } else if (override.length() < 5) {
                    r.add(Rejection.of("credit-code.override-reason", "creditCodeOverrideReason", 5));
                }
            } else {
                override = null;
            }
        }
        String name = trim(in.name());
        if (name == null) {
            r.add(Rejection.of("required", "name"));
        } else if (name.length() < 2 || name.length() > 200) {
            r.add(Rejection.of("length", "name", 2, 200));
        } else if (hasControl(name)) {
            r.add(Rejection.of("control-characters", "name"));
        }
        String nameEn = trim(in.nameEn());
        if (nameEn != null && (nameEn.length() > 200 || hasControl(nameEn))) {
            r.add(Rejection.of("length", "nameEn", 0, 200));
        }
        String region = trim(in.regionCode());
        if (region == null) {
            r.add(Rejection.of("required", "regionCode"));
        } else if (!region.matches("[0-9]{6}")) {
            r.add(Rejection.of("region-code.format", "regionCode", region));
        } else if (!knownRegion.test(region)) {
            r.add(Rejection.of("region-code.unknown", "regionCode", region));
        }
        String industry = trim(in.industryCode());
        if (industry == null) {
            r.add(Rejection.of("required", "industryCode"));
        } else if (!industry.matches("[A-T][0-9]{4}")) {
            r.add(Rejection.of("industry-code.format", "industryCode", industry));
        } else if (!knownIndustryClass.test(industry)) {
            r.add(Rejection.of("industry-code.unknown", "industryCode", industry));
        }
        Ownership ownership = null;
        String own = trim(in.ownership());
        if (own == null) {
            r.add(Rejection.of("required", "ownership"));
        } else {
            ownership = Arrays.stream(Ownership.values()).filter(o -> o.name().equals(own)).findFirst().orElse(null);
            if (ownership == null) {
                r.add(Rejection.of("enum", "ownership", own, Arrays.toString(Ownership.values())));
            }
        }
        LocalDate founded = null;
        String fd = trim(in.foundingDate());
        if (fd == null) {
            r.add(Rejection.of("required", "foundingDate"));
        } else {
            try {
                founded = LocalDate.parse(fd);
                if (founded.isAfter(today)) {
                    r.add(Rejection.of("date.future", "foundingDate", fd, today.toString()));
                } else if (founded.isBefore(EARLIEST_FOUNDING)) {
                    r.add(Rejection.of("date.too-early", "foundingDate", fd, EARLIEST_FOUNDING.toString()));
                }
            } catch (DateTimeParseException e) {
                r.add(Rejection.of("date.format", "foundingDate", fd));
            }
        }
        Integer employees = in.employees();
        if (employees == null) {
            r.add(Rejection.of("required", "employees"));
        } else if (employees < 0 || employees > MAX_EMPLOYEES) {
            r.add(Rejection.of("range", "employees", 0, MAX_EMPLOYEES, employees));
        }
        BigDecimal revenue = Amounts.check(in.annualRevenue(), "annualRevenue", false, MAX_REVENUE, r);
        List<String> products = mainProducts(in.mainProducts(), r);
        if (!r.isEmpty()) {
            return new Outcome(null, List.copyOf(r));
        }
        return new Outcome(new Profile(code, override, name, nameEn, region, industry, ownership, founded, employees,
                revenue, products), List.of());
    }

    /**
     * The main products: each trimmed, blanks and repeats (ignoring case) dropped, at most
     * {@value #MAX_PRODUCTS} of at most {@value #MAX_PRODUCT_LENGTH} characters. Null when not stated.
     */
    static List<String> mainProducts(List<String> given, List<Rejection> r) {
        if (given == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String raw : given) {
            String p = trim(raw);
            if (p == null) {
                continue;
            }
            if (p.length() > MAX_PRODUCT_LENGTH) {
                r.add(Rejection.of("enterprise.main-product.length", "mainProducts", p, MAX_PRODUCT_LENGTH));
            } else if (hasControl(p)) {
                r.add(Rejection.of("control-characters", "mainProducts"));
            } else if (seen.add(p.toLowerCase(java.util.Locale.ROOT))) {
                out.add(p);
            }
        }
        if (out.size() > MAX_PRODUCTS) {
            r.add(Rejection.of("enterprise.main-products.count", "mainProducts", out.size(), MAX_PRODUCTS));
        }
        return List.copyOf(out);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
