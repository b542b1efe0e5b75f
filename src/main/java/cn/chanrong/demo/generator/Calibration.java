package cn.chanrong.demo.generator;

import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.SizeClass;
import java.util.Map;
import java.util.Set;

/**
 * Every proportion the generator draws from, in one place. Sources and which figures are our own
 * assumptions are listed in docs/DEMO_ECONOMY.md; keep the two in step.
 */
final class Calibration {

    private Calibration() {
    }

    /**
     * Share (%) of manufacturing enterprises by province. Regional totals follow SAMR's count of
     * 6.03 million manufacturing enterprises at 2024-08-31 (east 64.21, centre 18.80, west 12.54,
     * north-east 4.45; Guangdong + Zhejiang + Jiangsu + Shandong + Hebei 56.22); the split inside
     * each region is our assumption, ordered like the provinces' counts of industrial enterprises
     * above designated size.
     */
    static final Map<String, Double> PROVINCE_SHARE = Map.ofEntries(
            Map.entry("440000", 17.00), Map.entry("330000", 12.80), Map.entry("320000", 12.30),
            Map.entry("370000", 8.40), Map.entry("130000", 5.72),
            Map.entry("350000", 4.50), Map.entry("310000", 1.50), Map.entry("120000", 0.90),
            Map.entry("110000", 0.80), Map.entry("460000", 0.29),
            Map.entry("410000", 5.00), Map.entry("340000", 3.80), Map.entry("420000", 3.20),
            Map.entry("430000", 3.00), Map.entry("360000", 2.40), Map.entry("140000", 1.40),
            Map.entry("510000", 3.10), Map.entry("450000", 1.70), Map.entry("500000", 1.60),
            Map.entry("610000", 1.60), Map.entry("530000", 1.20), Map.entry("520000", 1.00),
            Map.entry("150000", 0.70), Map.entry("650000", 0.60), Map.entry("620000", 0.60),
            Map.entry("640000", 0.25), Map.entry("630000", 0.15), Map.entry("540000", 0.04),
            Map.entry("210000", 2.30), Map.entry("230000", 1.20), Map.entry("220000", 0.95));

    /**
     * Guangdong's industrial enterprises above designated size by city, 2023 (Guangdong Statistical
     * Yearbook 2024, table 12-6): used as the weights inside Guangdong.
     */
    static final Map<String, Double> GUANGDONG_CITY_COUNT = Map.ofEntries(
            Map.entry("440100", 6873.0), Map.entry("440300", 14188.0), Map.entry("440400", 1778.0),
            Map.entry("440500", 2225.0), Map.entry("440600", 9884.0), Map.entry("440200", 660.0),
            Map.entry("441600", 642.0), Map.entry("441400", 557.0), Map.entry("441300", 4466.0),
            Map.entry("441500", 325.0), Map.entry("441900", 14180.0), Map.entry("442000", 5025.0),
            Map.entry("440700", 3536.0), Map.entry("441700", 504.0), Map.entry("440800", 824.0),
            Map.entry("440900", 693.0), Map.entry("441200", 1634.0), Map.entry("441800", 1059.0),
            Map.entry("445100", 1035.0), Map.entry("445200", 1470.0), Map.entry("445300", 438.0));

    /**
     * Relative weight of a prefecture inside its province outside Guangdong (our assumption): known
     * manufacturing cities weigh more, other prefectures 1, autonomous prefectures and leagues 0.5;
     * a provincial capital not listed weighs 3.
     */
    static final Map<String, Double> CITY_WEIGHT = Map.ofEntries(
            Map.entry("320500", 5.0), Map.entry("320200", 3.0), Map.entry("320400", 2.5), Map.entry("320100", 2.5),
            Map.entry("320600", 2.2), Map.entry("321200", 1.5), Map.entry("321000", 1.5), Map.entry("320300", 1.5),
            Map.entry("330200", 3.5), Map.entry("330100", 3.0), Map.entry("330300", 3.0), Map.entry("331000", 2.2),
            Map.entry("330400", 2.0), Map.entry("330600", 2.0), Map.entry("330700", 2.2), Map.entry("330500", 1.5),
            Map.entry("370200", 3.0), Map.entry("370100", 2.2), Map.entry("370600", 2.0), Map.entry("370700", 2.0),
            Map.entry("371300", 2.0), Map.entry("370300", 1.6), Map.entry("371600", 1.3),
            Map.entry("350500", 3.5), Map.entry("350200", 2.2), Map.entry("350100", 2.8),
            Map.entry("130100", 2.0), Map.entry("130600", 2.0), Map.entry("130200", 2.0), Map.entry("130900", 1.6),
            Map.entry("130500", 1.5), Map.entry("410100", 3.5), Map.entry("420100", 4.5), Map.entry("430100", 3.5),
            Map.entry("430200", 1.5), Map.entry("340100", 3.5), Map.entry("340200", 2.0), Map.entry("510100", 6.0),
            Map.entry("510700", 1.5), Map.entry("510600", 1.5), Map.entry("610100", 5.0), Map.entry("210100", 2.5),
            Map.entry("210200", 2.5), Map.entry("220100", 3.0), Map.entry("230100", 3.0), Map.entry("360100", 3.0),
            Map.entry("450100", 2.0), Map.entry("450200", 2.5), Map.entry("520100", 3.0), Map.entry("530100", 3.5),
            Map.entry("620100", 3.5), Map.entry("140100", 3.0), Map.entry("150100", 1.5), Map.entry("150200", 1.5),
            Map.entry("650100", 3.0), Map.entry("640100", 3.0), Map.entry("630100", 3.0), Map.entry("540100", 3.0),
            Map.entry("460100", 2.0));

    /**
     * Share (%) of manufacturing enterprises by GB/T 4754 division. Metal products 10.7, general
     * equipment 10.1 and non-metallic minerals 7.2 are the Fifth National Economic Census's top three
     * (Bulletin No. 3, 2024-12-26); the rest is our estimate in the order of the yearbook's counts of
     * enterprises above designated size by industry.
     */
    static final Map<String, Double> DIVISION_SHARE = Map.ofEntries(
            Map.entry("C13", 5.0), Map.entry("C14", 2.5), Map.entry("C15", 1.8), Map.entry("C16", 0.05),
            Map.entry("C17", 4.5), Map.entry("C18", 4.0), Map.entry("C19", 2.2), Map.entry("C20", 2.6),
            Map.entry("C21", 2.0), Map.entry("C22", 1.8), Map.entry("C23", 2.2), Map.entry("C24", 2.6),
            Map.entry("C25", 0.5), Map.entry("C26", 4.8), Map.entry("C27", 1.5), Map.entry("C28", 0.4),
            Map.entry("C29", 6.5), Map.entry("C30", 7.2), Map.entry("C31", 0.9), Map.entry("C32", 1.6),
            Map.entry("C33", 10.7), Map.entry("C34", 10.1), Map.entry("C35", 6.5), Map.entry("C36", 3.2),
            Map.entry("C37", 1.0), Map.entry("C38", 6.5), Map.entry("C39", 5.0), Map.entry("C40", 1.6),
            Map.entry("C41", 1.2), Map.entry("C42", 0.8), Map.entry("C43", 0.6));

    /** Share of software enterprises (section I, group 65) among all generated: our assumption. */
    static final double SOFTWARE_SHARE = 0.05;

    /** Weights of the software classes drawn (our assumption). */
    static final Map<String, Double> SOFTWARE_CLASS_WEIGHT = Map.of(
            "I6511", 1.0, "I6512", 1.0, "I6513", 4.0, "I6519", 1.0, "I6520", 1.5,
            "I6531", 2.0, "I6532", 1.0, "I6550", 0.5, "I6571", 0.5);

    /**
     * Classes of the Guidance's key chains drawn three times as often as their division's other
     * classes (our assumption: the platform's users concentrate there).
     */
    static final Set<String> KEY_CHAIN_CLASSES = Set.of("C3973", "C3972", "C3562", "C3421", "C3422", "C3425",
            "C3581", "C3582", "C3583", "C3584", "C3585", "C3586", "C3589", "C3911", "C4011", "C4014", "C4028", "C3985");

    static final double KEY_CHAIN_BOOST = 3.0;

    /**
     * Size mix (our assumption): between all industrial legal units, where micro enterprises are the
     * great majority, and enterprises above designated size, where large ones are about 2 %.
     */
    static final Map<SizeClass, Double> SIZE_SHARE = Map.of(
            SizeClass.MICRO, 50.0, SizeClass.SMALL, 36.0, SizeClass.MEDIUM, 11.0, SizeClass.LARGE, 3.0);

    /**
     * Ownership by size (our assumption, anchored on the census's 1.9 % foreign and Hong Kong, Macao
     * and Taiwan invested industrial legal units and on state ownership concentrating in large firms).
     */
    static final Map<SizeClass, Map<Ownership, Double>> OWNERSHIP_BY_SIZE = Map.of(
            SizeClass.MICRO, Map.of(Ownership.PRIVATE, 93.0, Ownership.FOREIGN_INVESTED, 1.0, Ownership.STATE_OWNED, 1.5,
                    Ownership.MIXED, 3.0, Ownership.COLLECTIVE, 1.5),
            SizeClass.SMALL, Map.of(Ownership.PRIVATE, 88.0, Ownership.FOREIGN_INVESTED, 3.5, Ownership.STATE_OWNED, 2.5,
                    Ownership.MIXED, 4.5, Ownership.COLLECTIVE, 1.5),
            SizeClass.MEDIUM, Map.of(Ownership.PRIVATE, 72.0, Ownership.FOREIGN_INVESTED, 11.0, Ownership.STATE_OWNED, 6.0,
                    Ownership.MIXED, 9.0, Ownership.COLLECTIVE, 2.0),
            SizeClass.LARGE, Map.of(Ownership.PRIVATE, 48.0, Ownership.FOREIGN_INVESTED, 14.0, Ownership.STATE_OWNED, 22.0,
                    Ownership.MIXED, 15.0, Ownership.COLLECTIVE, 1.0));

    /** Mean age in years by size (our assumption); ages are exponential with this mean above a floor. */
    static final Map<SizeClass, double[]> AGE_FLOOR_AND_MEAN = Map.of(
            SizeClass.MICRO, new double[] {0.05, 5.0}, SizeClass.SMALL, new double[] {0.5, 8.0},
            SizeClass.MEDIUM, new double[] {2.0, 12.0}, SizeClass.LARGE, new double[] {4.0, 18.0});

    /** Oldest founding year drawn. */
    static final int EARLIEST_FOUNDING_YEAR = 1980;

    /** Revenue per employee (yuan) in industry and in software: medians of a log-normal (our assumption). */
    static final double INDUSTRY_REVENUE_PER_EMPLOYEE = 700_000;
    static final double SOFTWARE_REVENUE_PER_EMPLOYEE = 400_000;
}
