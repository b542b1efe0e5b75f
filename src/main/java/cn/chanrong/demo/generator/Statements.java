package cn.chanrong.demo.generator;

import cn.chanrong.enterprise.domain.GrowthStage;
import cn.chanrong.enterprise.domain.SizeClass;
import java.time.LocalDate;
import java.util.Set;

/**
 * Annual statements 2021–2025 (from the founding year when later), anchored on the latest revenue
 * of the skeleton and walked back along a per-enterprise growth path whose mean depends on the growth
 * stage. Ratios (main business share, R&D intensity, margin, asset turnover, debt ratio) are drawn
 * once per enterprise and jittered per year; every amount is rounded once to fen, equity is assets
 * minus liabilities exactly, main business revenue never exceeds revenue and R&D staff never exceed
 * employees. Distributions are our assumptions; see docs/DEMO_ECONOMY.md.
 */
final class Statements {

    /** Divisions where R&D intensity runs higher (our assumption, after the yearbook's R&D tables). */
    private static final Set<String> TECH_DIVISIONS = Set.of("C26", "C27", "C34", "C35", "C36", "C37", "C38", "C39", "C40", "I65");
    private static final int YEARS = GeneratorSettings.LAST_YEAR - GeneratorSettings.FIRST_YEAR + 1;

    /** The latest year's figures, which the qualification rules read. Reused between enterprises. */
    static final class Facts {
        long revenue;
        long main;
        long rd;
        int rdStaff;
        long netProfit;
        long assets;
        long liabilities;
        int ipClass1;
        int ipClass2;
        /** Main business revenue two years before the latest, or -1 when there is no such year. */
        long mainTwoYearsBefore;

        double rdRatio() {
            return revenue == 0 ? 0 : (double) rd / revenue;
        }

        double mainShare() {
            return revenue == 0 ? 0 : (double) main / revenue;
        }

        double debtRatio() {
            return assets == 0 ? 0 : (double) liabilities / assets;
        }
    }

    private Statements() {
    }

    static void write(Population p, int i, int tags, String code, CsvOut out, Facts facts) {
        Rng rng = new Rng(p.seed, i, Rng.Stream.STATEMENTS);
        LocalDate founded = p.founded(i);
        SizeClass size = p.size(i);
        String industry = p.industry(i).code();
        boolean tech = TECH_DIVISIONS.contains(industry.substring(0, 3));
        int firstYear = Math.max(GeneratorSettings.FIRST_YEAR, founded.getYear());
        int years = GeneratorSettings.LAST_YEAR - firstYear + 1;

        double growth = switch (GrowthStage.of(founded, size, GeneratorSettings.AS_OF)) {
            case STARTUP -> rng.uniform(0.15, 0.60);
            case GROWTH -> rng.uniform(0.02, 0.25);
            case MATURE -> rng.uniform(-0.05, 0.12);
        };
        double mainShare = rng.chance(0.85) ? rng.uniform(0.82, 1.0) : rng.uniform(0.55, 0.82);
        double rdRatio = tech ? rng.logNormal(0.035, 0.6) : rng.logNormal(0.012, 0.8);
        if (ChainTags.anyKeyChain(tags)) {
            rdRatio *= 1.4;
        }
        if (!tech && size == SizeClass.MICRO && rng.chance(0.35)) {
            rdRatio = 0;
        }
        rdRatio = Math.min(rdRatio, 0.25);
        double rdStaffShare = Math.min(0.6, rdRatio * rng.uniform(2.5, 5.0));
        double margin = GrowthStage.of(founded, size, GeneratorSettings.AS_OF) == GrowthStage.STARTUP
                ? -0.02 + 0.08 * rng.gaussian() : 0.06 + 0.05 * rng.gaussian();
        double assetsPerRevenue = rng.logNormal(industry.startsWith("I") ? 1.3 : 1.1, 0.3);
        double debtRatio = clamp(0.52 + 0.15 * rng.gaussian(), 0.08, 0.92);

        // full-year revenue walked back from the anchor; the founding year is then cut to the months operated
        long[] fullYear = new long[YEARS];
        fullYear[YEARS - 1] = p.revenue[i];
        for (int k = YEARS - 2; k >= YEARS - years; k--) {
            double g = Math.max(-0.4, growth + 0.08 * rng.gaussian());
            fullYear[k] = Math.max(Money.YUAN, Money.fen(fullYear[k + 1] / 100.0 / (1.0 + g)));
        }
        double ipRate1 = rdRatio * p.revenue[i] / 100.0 / 1_500_000.0;
        double ipRate2 = rdRatio * p.revenue[i] / 100.0 / 600_000.0 + (industry.startsWith("C") ? 0.3 : 0.1);
        double priorYears = Math.min(8, Math.max(0, firstYear - founded.getYear()));
        int ip1 = (int) StrictMath.floor(ipRate1 * priorYears * rng.uniform(0.3, 0.9));
        int ip2 = (int) StrictMath.floor(ipRate2 * priorYears * rng.uniform(0.3, 0.9));

        facts.mainTwoYearsBefore = -1;
        for (int k = YEARS - years; k < YEARS; k++) {
            int year = GeneratorSettings.FIRST_YEAR + k;
            long revenue = fullYear[k];
            if (year == founded.getYear() && year < GeneratorSettings.LAST_YEAR) {
                double operated = (LocalDate.of(year, 12, 31).toEpochDay() - founded.toEpochDay() + 1) / 365.0;
                revenue = Math.max(Money.YUAN, Money.fen(revenue / 100.0 * Math.max(0.05, operated)));
            }
            long main = Math.min(revenue, Money.fen(revenue / 100.0 * Math.min(1.0, mainShare + 0.02 * rng.gaussian())));
            long rd = rdRatio == 0 ? 0 : Money.fen(revenue / 100.0 * rdRatio * rng.uniform(0.85, 1.15));
            double scale = StrictMath.pow((double) fullYear[k] / fullYear[YEARS - 1], 0.3);
            int rdStaff = rd == 0 ? 0 : (int) Math.min(p.employees[i], Math.max(1, StrictMath.floor(p.employees[i] * rdStaffShare * scale)));
            long net = Money.fen(revenue / 100.0 * clamp(margin + 0.03 * rng.gaussian(), -0.5, 0.35));
            long assets = Math.max(10_000 * Money.YUAN, Money.fen(fullYear[k] / 100.0 * assetsPerRevenue * rng.uniform(0.95, 1.05)));
            long liabilities = Money.fen(assets / 100.0 * clamp(debtRatio + 0.03 * rng.gaussian(), 0.02, 0.98));
            ip1 += (int) StrictMath.floor(ipRate1 * rng.uniform(0.5, 1.5) * revenue / fullYear[YEARS - 1]);
            ip2 += (int) StrictMath.floor(ipRate2 * rng.uniform(0.5, 1.5) * revenue / fullYear[YEARS - 1]);

            out.text(code).number(year).money(revenue).money(main).money(rd).number(rdStaff).money(net)
                    .money(assets).money(liabilities).money(assets - liabilities).number(ip1).number(ip2).end();

            if (year == GeneratorSettings.LAST_YEAR - 2) {
                facts.mainTwoYearsBefore = main;
            }
            facts.revenue = revenue;
            facts.main = main;
            facts.rd = rd;
            facts.rdStaff = rdStaff;
            facts.netProfit = net;
            facts.assets = assets;
            facts.liabilities = liabilities;
            facts.ipClass1 = ip1;
            facts.ipClass2 = ip2;
        }
    }

    private static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }
}
