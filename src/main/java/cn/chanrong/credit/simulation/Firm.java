package cn.chanrong.credit.simulation;

import java.util.SplittableRandom;

/**
 * A simulated firm's fundamentals. {@code fragility} (0–1) is latent: it drives defaults and shows
 * through the cash flows only noisily. {@code segment} is the industry group the model is segmented
 * by; {@code ownership} is carried for the fairness report and is never a model input.
 */
public record Firm(long id, String segment, String stage, String ownership, double annualRevenue, double margin, double debtRatio,
                   double growth, int ageYears, int customers, int suppliers, boolean doctors, double fragility) {

    static final String[] SEGMENTS = {"C34-35 装备", "C38-40 电子仪器", "C26-30 材料", "C13-24 轻工", "I65 软件"};
    static final double[] SEGMENT_WEIGHTS = {0.28, 0.22, 0.2, 0.2, 0.1};
    static final String[] OWNERSHIP = {"PRIVATE", "STATE_OWNED", "FOREIGN_INVESTED", "MIXED", "COLLECTIVE"};
    static final double[] OWNERSHIP_WEIGHTS = {0.82, 0.07, 0.05, 0.04, 0.02};

    /** A random firm of the demo population. */
    public static Firm sample(long id, SplittableRandom r) {
        String ownership = OWNERSHIP[pick(OWNERSHIP_WEIGHTS, r.nextDouble())];
        int age = 1 + (int) Math.min(40, -Math.log(1 - r.nextDouble()) * 9);
        double logRevenue = 16.5 + 1.3 * r.nextGaussian() + ("STATE_OWNED".equals(ownership) ? 1.0 : 0) + 0.03 * Math.min(age, 20);
        double revenue = Math.exp(Math.min(Math.max(logRevenue, 13.5), 22));
        double margin = 0.06 + 0.06 * r.nextGaussian() - ("STATE_OWNED".equals(ownership) ? 0.02 : 0);
        double debt = Math.min(0.95, Math.max(0.1, 0.55 + 0.15 * r.nextGaussian() + ("STATE_OWNED".equals(ownership) ? 0.05 : 0)));
        double growth = 0.08 + 0.15 * r.nextGaussian() + (age < 3 ? 0.15 : 0);
        int customers = 2 + (int) Math.min(40, Math.exp(1.2 + 0.6 * r.nextGaussian() + 0.25 * (logRevenue - 16.5)));
        int suppliers = 2 + (int) Math.min(30, Math.exp(1.0 + 0.5 * r.nextGaussian()));
        double fragility = fragility(debt, margin, growth, customers, age, r);
        boolean doctors = fragility > 0.55 && r.nextDouble() < 0.35;
        String segment = SEGMENTS[pick(SEGMENT_WEIGHTS, r.nextDouble())];
        String stage = age < 3 ? "STARTUP" : age < 10 ? "GROWTH" : "MATURE";
        return new Firm(id, segment, stage, ownership, revenue, margin, debt, growth, age, customers, suppliers, doctors, fragility);
    }

    /**
     * A firm of the demo economy with its known fundamentals; fragility and whether it doctors its
     * statements are drawn as for the population, seeded by the firm.
     */
    public static Firm of(long id, String segment, String stage, String ownership, double revenue, double margin, double debt,
                          double growth, int age, int customers, int suppliers, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7919 + id);
        double fragility = fragility(debt, margin, growth, customers, age, r);
        boolean doctors = fragility > 0.55 && r.nextDouble() < 0.35;
        return new Firm(id, segment, stage, ownership, Math.max(revenue, 1_000_000), margin, debt, growth, age, customers, suppliers,
                doctors, fragility);
    }

    /** Leverage, thin margins, shrinking sales, few customers and youth make a firm fragile; the rest is luck. */
    static double fragility(double debt, double margin, double growth, int customers, int age, SplittableRandom r) {
        double z = 2.8 * (debt - 0.55) - 9 * (margin - 0.06) - 1.6 * (growth - 0.08) + 1.1 / Math.sqrt(customers)
                - 0.03 * Math.min(age, 20) + 0.9 * r.nextGaussian();
        return 1 / (1 + Math.exp(-(z - 0.4)));
    }

    static int pick(double[] weights, double u) {
        double c = 0;
        for (int i = 0; i < weights.length; i++) {
            c += weights[i];
            if (u < c) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
