package fr.ordre.comptexpert.bench;

import java.util.Arrays;

/**
 * The two statistics the benchmarks' verdicts rest on, so that no figure is a best-of or a bare point:
 * the mean of per-round A/B ratios with its 95 % confidence interval (Student's t), and the Mann–Whitney rank
 * test of two samples of times (normal approximation with tie correction, fine from about 20 a side).
 */
public final class Inference {

    /** Two-sided 97.5 % quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
        2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    private Inference() {}

    /** A mean with its 95 % confidence interval, over {@code n} values. */
    public record Interval(int n, double mean, double low, double high) {}

    /** The mean of the per-round ratios and its 95 % interval (needs 2 rounds or more for an interval). */
    public static Interval meanWithInterval(double[] values) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (n < 2) {
            return new Interval(n, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Interval(n, mean, mean - half, mean + half);
    }

    static double t975(int degrees) {
        return degrees <= T975.length ? T975[degrees - 1] : 1.96 + 2.4 / degrees;
    }

    /**
     * Mann–Whitney U of a against b: {@code auc} is the probability that a value of a exceeds one of b (0.5: no
     * difference), {@code p} the two-sided p-value of "same distribution".
     */
    public record RankTest(int nA, int nB, double u, double z, double p, double auc) {}

    public static RankTest mannWhitney(double[] a, double[] b) {
        int n = a.length + b.length;
        double[][] all = new double[n][];
        for (int i = 0; i < a.length; i++) {
            all[i] = new double[] {a[i], 0};
        }
        for (int i = 0; i < b.length; i++) {
            all[a.length + i] = new double[] {b[i], 1};
        }
        Arrays.sort(all, (x, y) -> Double.compare(x[0], y[0]));
        double rankSumA = 0;
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            int t = j - i + 1;
            ties += (double) t * t * t - t;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 0) {
                    rankSumA += rank;
                }
            }
            i = j + 1;
        }
        double nA = a.length;
        double nB = b.length;
        double u = rankSumA - nA * (nA + 1) / 2;
        double mean = nA * nB / 2;
        double variance = nA * nB / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        double z = variance > 0 ? (u - mean) / Math.sqrt(variance) : 0;
        double p = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
        return new RankTest(a.length, b.length, u, z, p, u / (nA * nB));
    }

    /** Φ(x), Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double normalCdf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double erf = 1
                - t
                        * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                        * Math.exp(-x * x / 2);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
