package cn.chanrong.institution.internal;

import cn.chanrong.institution.SyntheticCatalogue;
import cn.chanrong.institution.domain.EligibilityRules;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.shared.CreditCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class SyntheticProducts implements SyntheticCatalogue {

    /** Clauses a bank would write, each known to compile: [中文, English, CEL]. */
    static final String[][] CLAUSES = {
            {"中小微企业", "SME", "e.sizeClass in ['MICRO', 'SMALL', 'MEDIUM']"},
            {"小微企业", "Micro or small", "e.sizeClass in ['MICRO', 'SMALL']"},
            {"制造业企业", "Manufacturer", "e.industryCode.startsWith('C')"},
            {"成立满2年", "At least 2 years in business", "e.ageYears >= 2"},
            {"成立满3年", "At least 3 years in business", "e.ageYears >= 3"},
            {"年营业收入不低于1000万元", "Revenue at least 10 M yuan", "e.annualRevenue >= 10000000"},
            {"年营业收入不低于500万元", "Revenue at least 5 M yuan", "e.annualRevenue >= 5000000"},
            {"从业人员不少于20人", "At least 20 employees", "e.employees >= 20"},
            {"民营企业", "Private enterprise", "e.ownership == 'PRIVATE'"},
            {"属于重点产业链（经认定）", "In a key chain (verified)", "size(e.verifiedKeyChains) > 0"},
            {"经认定的专精特新或高新技术企业", "Verified specialised SME or high-tech",
                    "e.verifiedQualifications.exists(q, q in ['SPECIALISED_SME', 'LITTLE_GIANT', 'HIGH_TECH'])"},
    };
    static final ProductType[] TYPES = {ProductType.WORKING_CAPITAL_LOAN, ProductType.WORKING_CAPITAL_LOAN,
            ProductType.FIXED_ASSET_LOAN, ProductType.TECH_INNOVATION_LOAN, ProductType.IP_PLEDGE_LOAN,
            ProductType.RECEIVABLES_FINANCING, ProductType.INVENTORY_FINANCING, ProductType.ORDER_FINANCING};

    private final JdbcClient jdbc;
    private final cn.chanrong.reference.ReferenceData reference;

    SyntheticProducts(JdbcClient jdbc, cn.chanrong.reference.ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long generate(int institutions, int products, long seed) {
        for (String[] c : CLAUSES) {
            if (!EligibilityRules.compile(1, c[0], c[1], c[2]).ok()) {
                throw new IllegalStateException("clause does not compile: " + c[2]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> provinces = reference.regions().stream().map(cn.chanrong.reference.Region::code)
                .filter(c -> c.endsWith("0000")).sorted().toList();
        List<Long> ids = new ArrayList<>();
        List<String> homes = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        for (int i = 0; i < institutions; i++) {
            String home = provinces.get(i % provinces.size());
            StringBuilder org = new StringBuilder();
            for (int k = 0; k < 9; k++) {
                org.append(CreditCode.ALPHABET.charAt(random.nextInt(31)));
            }
            String code = CreditCode.complete("91" + home + org).value();
            long id = jdbc.sql("""
                            INSERT INTO institution (credit_code, name, type, head_region) VALUES (:c, :n, 'CITY_COMMERCIAL_BANK', :h)
                            RETURNING id""")
                    .param("c", code).param("n", "基准银行" + run + "-" + (i + 1)).param("h", home.substring(0, 2) + "0100")
                    .query(Long.class).single();
            for (int b = 0; b < 3; b++) {
                jdbc.sql("INSERT INTO institution_branch (institution_id, name, region_code) VALUES (:i, :n, :r)")
                        .param("i", id).param("n", "分行" + (b + 1)).param("r", home.substring(0, 2) + String.format("%02d00", b + 1))
                        .update();
            }
            ids.add(id);
            homes.add(home);
        }
        for (int p = 0; p < products; p++) {
            int owner = random.nextInt(ids.size());
            ProductType type = TYPES[random.nextInt(TYPES.length)];
            long min = (1 + random.nextInt(20)) * 100_000L;
            long max = min * (5 + random.nextInt(100));
            int maxTerm = Math.min(type.defaultMaxTermMonths(), List.of(12, 24, 36, 60, 120).get(random.nextInt(5)));
            boolean national = random.nextInt(100) < 15;
            int spreadMin = -20 + random.nextInt(60);
            long id = jdbc.sql("""
                            INSERT INTO product (code, institution_id, name, type, min_amount, max_amount, min_term_months,
                                                 max_term_months, pricing, spread_min_bp, spread_max_bp, security, target_regions,
                                                 status, created_by)
                            VALUES (:code, :i, :name, :type, :min, :max, 1, :maxTerm, 'LPR_SPREAD', :smin, :smax, 'CREDIT', :regions,
                                    'PUBLISHED', 'bench') RETURNING id""")
                    .param("code", "B" + run + "-" + (p + 1)).param("i", ids.get(owner)).param("name", "基准产品" + (p + 1))
                    .param("type", type.name()).param("min", min).param("max", max).param("maxTerm", maxTerm)
                    .param("smin", spreadMin).param("smax", spreadMin + 30 + random.nextInt(120))
                    .param("regions", national ? "" : homes.get(owner)).query(Long.class).single();
            int clauses = 2 + random.nextInt(2);
            List<Integer> used = new ArrayList<>();
            for (int c = 1; c <= clauses; c++) {
                int k;
                do {
                    k = random.nextInt(CLAUSES.length);
                } while (used.contains(k));
                used.add(k);
                jdbc.sql("INSERT INTO product_clause (product_id, seq, label_zh, label_en, expression) VALUES (:p, :s, :z, :e, :x)")
                        .param("p", id).param("s", c).param("z", CLAUSES[k][0]).param("e", CLAUSES[k][1]).param("x", CLAUSES[k][2])
                        .update();
            }
        }
        return products;
    }
}
