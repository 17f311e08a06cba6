package fr.ordre.comptexpert.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmarks' statistics against values worked out by hand. */
class InferenceTest {

    @Test
    void meanOfRatiosWithStudentInterval() {
        Inference.Interval i = Inference.meanWithInterval(new double[] {1, 2, 3});
        assertEquals(2.0, i.mean(), 1e-12);
        // sd 1, n 3: half-width t(0.975, 2) / sqrt(3) = 4.303 / 1.732
        assertEquals(2 - 2.4843, i.low(), 1e-3);
        assertEquals(2 + 2.4843, i.high(), 1e-3);
        assertTrue(Double.isNaN(Inference.meanWithInterval(new double[] {1.05}).low()), "no interval from one round");
    }

    @Test
    void rankTestSeparatesShiftedSamplesAndNotEqualOnes() {
        double[] low = new double[30];
        double[] high = new double[30];
        for (int i = 0; i < 30; i++) {
            low[i] = i;
            high[i] = i + 30;
        }
        Inference.RankTest apart = Inference.mannWhitney(high, low);
        assertEquals(1.0, apart.auc(), 1e-12);
        assertTrue(apart.p() < 1e-9, "p " + apart.p());
        Inference.RankTest same = Inference.mannWhitney(low, low.clone());
        assertEquals(0.5, same.auc(), 1e-12);
        assertEquals(1.0, same.p(), 1e-6);
        // Ranks with three pairs of ties: U = 19.5 - 15 = 4.5; var = 25/12 * (11 - 18/90) = 22.5; z = -1.687, p =
        // 0.0917
        Inference.RankTest small = Inference.mannWhitney(new double[] {1, 2, 3, 4, 5}, new double[] {3, 4, 5, 6, 7});
        assertEquals(4.5, small.u(), 1e-12);
        assertEquals(-1.687, small.z(), 1e-3);
        assertEquals(0.0917, small.p(), 1e-3);
    }
}
