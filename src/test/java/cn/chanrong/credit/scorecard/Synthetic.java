package cn.chanrong.credit.scorecard;

import java.util.List;
import java.util.Random;

/** A seeded synthetic portfolio: risk rises with leverage, falls with tenure, depends on region; noise is noise. */
final class Synthetic {

    private Synthetic() {
    }

    static Dataset portfolio(int n, long seed) {
        Random r = new Random(seed);
        double[] leverage = new double[n];
        double[] tenure = new double[n];
        double[] noise = new double[n];
        String[] region = new String[n];
        int[] bad = new int[n];
        String[] regions = {"east", "north", "west", "south"};
        double[] regionEffect = {-0.6, 0.0, 0.4, 0.9};
        for (int i = 0; i < n; i++) {
            leverage[i] = r.nextDouble();
            tenure[i] = i % 50 == 0 ? Double.NaN : r.nextInt(20);
            noise[i] = r.nextGaussian();
            int k = r.nextInt(4);
            region[i] = regions[k];
            double t = Double.isNaN(tenure[i]) ? 5 : tenure[i];
            double eta = -2.0 + 3.0 * leverage[i] - 0.08 * t + regionEffect[k];
            bad[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return new Dataset(List.of(new Dataset.Numeric("leverage", leverage), new Dataset.Numeric("tenure", tenure),
                new Dataset.Numeric("noise", noise), new Dataset.Categorical("region", region)), bad);
    }
}
