package cn.chanrong.demo.generator;

import cn.chanrong.demo.generator.ReferenceTables.IndustryClass;
import cn.chanrong.demo.generator.ReferenceTables.Prefecture;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.SizeClass;
import cn.chanrong.enterprise.domain.SizeStandard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The skeleton of every enterprise — industry, prefecture, size, ownership, founding day, employees,
 * latest revenue, trade name — as a few compact arrays (26 bytes an enterprise), drawn from
 * (seed, index). Later phases pick suppliers, subsidiaries and controllers among these without
 * holding any enterprise as an object.
 */
final class Population {

    static final SizeClass[] SIZES = SizeClass.values();
    static final Ownership[] OWNERSHIPS = Ownership.values();

    final int count;
    final long seed;
    final IndustryClass[] industries;
    final Prefecture[] prefectures;
    final short[] industry;
    final short[] region;
    final byte[] size;
    final byte[] ownership;
    final int[] founded;
    final int[] employees;
    final long[] revenue;
    final int[] brand;
    /** Keeps handing out fresh brands when a name must be replaced later. */
    Brands.Allocator brands;

    private Population(int count, long seed, IndustryClass[] industries, Prefecture[] prefectures) {
        this.count = count;
        this.seed = seed;
        this.industries = industries;
        this.prefectures = prefectures;
        industry = new short[count];
        region = new short[count];
        size = new byte[count];
        ownership = new byte[count];
        founded = new int[count];
        employees = new int[count];
        revenue = new long[count];
        brand = new int[count];
    }

    SizeClass size(int i) {
        return SIZES[size[i]];
    }

    Ownership ownership(int i) {
        return OWNERSHIPS[ownership[i]];
    }

    IndustryClass industry(int i) {
        return industries[industry[i]];
    }

    Prefecture prefecture(int i) {
        return prefectures[region[i]];
    }

    LocalDate founded(int i) {
        return LocalDate.ofEpochDay(founded[i]);
    }

    String creditCode(int i) {
        return CreditCodes.enterprise(i, prefecture(i).code(), founded[i] < CreditCodes.UNIFIED_CODE_START.toEpochDay());
    }

    static Population draw(GeneratorSettings settings, ReferenceTables tables) {
        List<IndustryClass> industryList = new ArrayList<>();
        Weighted<Integer> industrySampler = industrySampler(tables, industryList);
        List<Prefecture> prefectureList = tables.prefectures;
        Weighted<Integer> regionSampler = regionSampler(prefectureList);
        Weighted<SizeClass> sizeSampler = sampler(Calibration.SIZE_SHARE, SIZES);
        Map<SizeClass, Weighted<Ownership>> ownershipSamplers = new LinkedHashMap<>();
        for (SizeClass s : SIZES) {
            ownershipSamplers.put(s, sampler(Calibration.OWNERSHIP_BY_SIZE.get(s), OWNERSHIPS));
        }
        Population p = new Population(settings.enterprises(), settings.seed(), industryList.toArray(IndustryClass[]::new),
                prefectureList.toArray(Prefecture[]::new));
        Brands.Allocator brands = new Brands.Allocator(settings.seed());
        for (int i = 0; i < p.count; i++) {
            Rng rng = new Rng(settings.seed(), i, Rng.Stream.SKELETON);
            p.region[i] = (short) (int) regionSampler.sample(rng);
            p.industry[i] = (short) (int) industrySampler.sample(rng);
            SizeClass target = sizeSampler.sample(rng);
            p.ownership[i] = (byte) ownershipSamplers.get(target).sample(rng).ordinal();
            String code = p.industries[p.industry[i]].code();
            SizeStandard standard = SizeStandard.forIndustry(code);
            drawSize(p, i, standard, target, code.startsWith("I") ? Calibration.SOFTWARE_REVENUE_PER_EMPLOYEE
                    : Calibration.INDUSTRY_REVENUE_PER_EMPLOYEE, rng);
            SizeClass actual = standard.classify(p.employees[i], BigDecimal.valueOf(p.revenue[i], 2));
            if (actual != target) {
                throw new IllegalStateException("size draw missed its band: " + target + " → " + actual);
            }
            p.size[i] = (byte) actual.ordinal();
            p.founded[i] = (int) foundingDay(actual, rng);
            // most registered trade names have two characters; three-character ones fill the rest
            p.brand[i] = (int) brands.next(rng.chance(0.85));
        }
        p.brands = brands;
        return p;
    }

    /**
     * Employees and revenue inside the target class's band of the sector's size standard, linked by a
     * log-normal revenue per employee.
     */
    private static void drawSize(Population p, int i, SizeStandard s, SizeClass target, double perEmployee, Rng rng) {
        double empLow;
        double empHigh;
        double revLow;
        double revHigh;
        switch (target) {
            case LARGE -> {
                empLow = s.largeEmployees();
                empHigh = s.largeEmployees() * 12.0;
                revLow = s.largeRevenueYuan();
                revHigh = s.largeRevenueYuan() * 30.0;
            }
            case MEDIUM -> {
                empLow = s.mediumEmployees();
                empHigh = s.largeEmployees() * 1.5;
                revLow = s.mediumRevenueYuan();
                revHigh = s.largeRevenueYuan();
            }
            case SMALL -> {
                empLow = s.smallEmployees();
                empHigh = s.mediumEmployees();
                revLow = s.smallRevenueYuan();
                revHigh = Math.min(s.largeRevenueYuan(), s.mediumRevenueYuan() * 5.0);
            }
            default -> {
                empLow = 1;
                empHigh = s.smallEmployees();
                revLow = s.smallRevenueYuan() / 20.0;
                revHigh = s.smallRevenueYuan() * 3.0;
            }
        }
        // a productivity first, then a headcount whose revenue lands in the band: no 1,000-strong firm
        // with 25 M yuan of sales
        double emp = -1;
        double rev = -1;
        for (int attempt = 0; attempt < 8 && emp < 0; attempt++) {
            double perHead = rng.logNormal(perEmployee, 0.6);
            double low = Math.max(empLow, revLow / perHead);
            double high = Math.min(empHigh, revHigh / perHead);
            if (low < high) {
                emp = rng.logUniform(low, high);
                rev = emp * perHead;
            }
        }
        if (emp < 0) {
            emp = rng.logUniform(empLow, empHigh);
            rev = rng.logUniform(revLow, revHigh);
        }
        int employees = Math.max((int) empLow, Math.min((int) StrictMath.floor(emp), (int) empHigh - 1));
        long fen = Money.fen(rev);
        // keep the band's edges exact whatever the rounding did
        fen = Math.max(Money.fen(revLow), Math.min(fen, Money.fen(revHigh) - 1));
        p.employees[i] = employees;
        p.revenue[i] = fen;
    }

    private static long foundingDay(SizeClass size, Rng rng) {
        double[] floorAndMean = Calibration.AGE_FLOOR_AND_MEAN.get(size);
        double maxAge = GeneratorSettings.AS_OF.getYear() - Calibration.EARLIEST_FOUNDING_YEAR;
        double age = Math.min(maxAge, floorAndMean[0] - StrictMath.log(1.0 - rng.unit()) * (floorAndMean[1] - floorAndMean[0]));
        return GeneratorSettings.AS_OF.toEpochDay() - Math.max(1, (long) StrictMath.floor(age * 365.25));
    }

    private static Weighted<Integer> industrySampler(ReferenceTables tables, List<IndustryClass> out) {
        Weighted.Builder<Integer> b = Weighted.builder();
        double manufacturing = 1.0 - Calibration.SOFTWARE_SHARE;
        double divisionTotal = Calibration.DIVISION_SHARE.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<String, List<IndustryClass>> division : tables.manufacturingByDivision.entrySet()) {
            double share = Calibration.DIVISION_SHARE.getOrDefault(division.getKey(), 0.0) / divisionTotal * manufacturing;
            double classTotal = 0;
            for (IndustryClass c : division.getValue()) {
                classTotal += classWeight(c.code());
            }
            for (IndustryClass c : division.getValue()) {
                out.add(c);
                b.add(out.size() - 1, share * classWeight(c.code()) / classTotal);
            }
        }
        double softwareTotal = Calibration.SOFTWARE_CLASS_WEIGHT.values().stream().mapToDouble(Double::doubleValue).sum();
        for (IndustryClass c : tables.softwareClasses.values()) {
            double w = Calibration.SOFTWARE_CLASS_WEIGHT.getOrDefault(c.code(), 0.0);
            if (w > 0) {
                out.add(c);
                b.add(out.size() - 1, Calibration.SOFTWARE_SHARE * w / softwareTotal);
            }
        }
        return b.build();
    }

    private static double classWeight(String code) {
        return Calibration.KEY_CHAIN_CLASSES.contains(code) ? Calibration.KEY_CHAIN_BOOST : 1.0;
    }

    private static Weighted<Integer> regionSampler(List<Prefecture> prefectures) {
        Map<String, Double> provinceTotals = new LinkedHashMap<>();
        for (Prefecture p : prefectures) {
            provinceTotals.merge(p.province().code(), cityWeight(p), Double::sum);
        }
        Weighted.Builder<Integer> b = Weighted.builder();
        for (int k = 0; k < prefectures.size(); k++) {
            Prefecture p = prefectures.get(k);
            double share = Calibration.PROVINCE_SHARE.getOrDefault(p.province().code(), 0.0);
            b.add(k, share * cityWeight(p) / provinceTotals.get(p.province().code()));
        }
        return b.build();
    }

    private static double cityWeight(Prefecture p) {
        if (p.province().code().equals("440000")) {
            return Calibration.GUANGDONG_CITY_COUNT.getOrDefault(p.code(), 300.0);
        }
        Double w = Calibration.CITY_WEIGHT.get(p.code());
        if (w != null) {
            return w;
        }
        if (p.outlying()) {
            return 0.5;
        }
        return p.code().endsWith("0100") ? 3.0 : 1.0;
    }

    private static <E extends Enum<E>> Weighted<E> sampler(Map<E, Double> shares, E[] order) {
        Weighted.Builder<E> b = Weighted.builder();
        for (E e : order) {
            b.add(e, shares.getOrDefault(e, 0.0));
        }
        return b.build();
    }
}
