package cn.chanrong.credit.scorecard;

/**
 * Logistic regression fitted by iteratively reweighted least squares (Newton–Raphson on the
 * log-likelihood), with standard errors from the inverse of the information matrix at the optimum.
 * A tiny ridge keeps the normal equations solvable when two inputs are nearly collinear.
 */
public final class LogisticRegression {

    /** Coefficients with the intercept first, their standard errors, and whether the fit converged. */
    public record Fit(double[] coefficients, double[] standardErrors, int iterations, boolean converged,
                      double logLikelihood) {

        /** Wald z statistic of coefficient {@code j}. */
        public double z(int j) {
            return coefficients[j] / standardErrors[j];
        }

        /** Two-sided p-value of coefficient {@code j} under the normal approximation. */
        public double pValue(int j) {
            return 2 * (1 - Normal.cdf(Math.abs(z(j))));
        }
    }

    private static final double RIDGE = 1e-8;

    private LogisticRegression() {
    }

    /** Fits {@code P(y=1) = 1 / (1 + exp(-(b0 + b·x)))}; {@code x[i]} is one row. */
    public static Fit fit(double[][] x, int[] y, int maxIterations, double tolerance) {
        int n = x.length;
        int p = n == 0 ? 1 : x[0].length + 1;
        double[] beta = new double[p];
        double mean = 0;
        for (int v : y) {
            mean += v;
        }
        mean = Math.min(Math.max(mean / Math.max(n, 1), 1e-6), 1 - 1e-6);
        beta[0] = Math.log(mean / (1 - mean));
        double[][] info = new double[p][p];
        boolean converged = false;
        int it = 0;
        double ll = 0;
        while (it < maxIterations) {
            it++;
            double[] grad = new double[p];
            for (double[] row : info) {
                java.util.Arrays.fill(row, 0);
            }
            ll = 0;
            double[] xi = new double[p];
            for (int i = 0; i < n; i++) {
                xi[0] = 1;
                System.arraycopy(x[i], 0, xi, 1, p - 1);
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += beta[j] * xi[j];
                }
                double mu = 1 / (1 + Math.exp(-eta));
                ll += y[i] == 1 ? Math.log(Math.max(mu, 1e-300)) : Math.log(Math.max(1 - mu, 1e-300));
                double w = Math.max(mu * (1 - mu), 1e-10);
                double r = y[i] - mu;
                for (int j = 0; j < p; j++) {
                    grad[j] += xi[j] * r;
                    double wx = w * xi[j];
                    for (int k = 0; k <= j; k++) {
                        info[j][k] += wx * xi[k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                info[j][j] += RIDGE;
                for (int k = 0; k < j; k++) {
                    info[k][j] = info[j][k];
                }
            }
            double[] step = Cholesky.solve(info, grad);
            // Newton can overshoot far from the optimum; halve the step until the likelihood does not fall.
            double scale = 1;
            double[] next = new double[p];
            for (int half = 0; half < 40; half++) {
                for (int j = 0; j < p; j++) {
                    next[j] = beta[j] + scale * step[j];
                }
                if (logLikelihood(x, y, next) >= ll - 1e-9 * Math.abs(ll)) {
                    break;
                }
                scale /= 2;
            }
            double change = 0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(next[j] - beta[j]));
                beta[j] = next[j];
            }
            if (change < tolerance) {
                converged = true;
                break;
            }
        }
        double[][] cov = Cholesky.inverse(info);
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(Math.max(cov[j][j], 0));
        }
        return new Fit(beta, se, it, converged, ll);
    }

    private static double logLikelihood(double[][] x, int[] y, double[] beta) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double eta = beta[0];
            for (int j = 1; j < beta.length; j++) {
                eta += beta[j] * x[i][j - 1];
            }
            // log(1 + e^eta) computed without overflow
            double log1pExp = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            ll += y[i] * eta - log1pExp;
        }
        return ll;
    }

    /** The probability for one row under a fit. */
    public static double probability(double[] coefficients, double[] row) {
        double eta = coefficients[0];
        for (int j = 0; j < row.length; j++) {
            eta += coefficients[j + 1] * row[j];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    /** Solving and inverting symmetric positive-definite matrices. */
    static final class Cholesky {
        private Cholesky() {
        }

        static double[][] decompose(double[][] a) {
            int n = a.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (s <= 0) {
                            throw new ArithmeticException("matrix is not positive definite (collinear inputs)");
                        }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            return l;
        }

        static double[] solve(double[][] a, double[] b) {
            return solveWith(decompose(a), b);
        }

        private static double[] solveWith(double[][] l, double[] b) {
            int n = b.length;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * y[k];
                }
                y[i] = s / l[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * x[k];
                }
                x[i] = s / l[i][i];
            }
            return x;
        }

        static double[][] inverse(double[][] a) {
            double[][] l = decompose(a);
            int n = a.length;
            double[][] inv = new double[n][n];
            for (int c = 0; c < n; c++) {
                double[] e = new double[n];
                e[c] = 1;
                double[] col = solveWith(l, e);
                for (int r = 0; r < n; r++) {
                    inv[r][c] = col[r];
                }
            }
            return inv;
        }
    }

    /** The standard normal distribution function (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7). */
    static final class Normal {
        private Normal() {
        }

        static double cdf(double z) {
            double x = Math.abs(z) / Math.sqrt(2);
            double t = 1 / (1 + 0.3275911 * x);
            double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                    * Math.exp(-x * x);
            return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
        }
    }
}
