package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rank-sum and quantile tests on hand-checked and seeded synthetic data. */
class RankTestsTest {
    @Test
    void rankSumMatchesAHandComputedCase() {
        // b = {4,5,6} all above a = {1,2,3}: U_b = 9, mean 4.5, var 3*3*7/12 = 5.25
        assertThat(RankTests.rankSumZ(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isCloseTo(4.5 / Math.sqrt(5.25), offset(1e-9));
        assertThat(RankTests.rankSumZ(new double[] {4, 5, 6}, new double[] {1, 2, 3})).isCloseTo(-4.5 / Math.sqrt(5.25), offset(1e-9));
        assertThat(RankTests.rankSumZ(new double[] {1, 1, 1}, new double[] {1, 1, 1})).isZero();
    }

    @Test
    void quantileTestSeesAShiftOfTheLowerPartOnly() {
        long[] a = new long[1000];
        long[] b = new long[1000];
        for (int i = 0; i < 1000; i++) {
            a[i] = i;
            b[i] = i < 500 ? i + 100 : i;
        }
        assertThat(RankTests.quantileZ(a, b, 250)).isGreaterThan(4);
        assertThat(RankTests.quantileZ(a, b, 999)).isZero();
    }

    @Test
    void sameDistributionStaysFarBelowTheThresholdAcrossSeeds() {
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            long[] a = new long[1500];
            long[] b = new long[1500];
            for (int i = 0; i < a.length; i++) {
                a[i] = (long) (1e6 + -Math.log(1 - r.nextDouble()) * 3e5 + (r.nextDouble() < 0.05 ? 8e6 * r.nextDouble() : 0));
                b[i] = (long) (1e6 + -Math.log(1 - r.nextDouble()) * 3e5 + (r.nextDouble() < 0.05 ? 8e6 * r.nextDouble() : 0));
            }
            assertThat(Math.abs(RankTests.strongest(a, b).z())).as("seed %d", seed).isLessThan(RankTests.Z_CRITICAL);
        }
    }

    @Test
    void strongestReportsTheLocationsOfTheTestThatDecided() {
        long[] a = new long[400];
        long[] b = new long[400];
        for (int i = 0; i < 400; i++) {
            a[i] = 1000 + i;
            b[i] = 1300 + i;
        }
        RankTests.Comparison c = RankTests.strongest(a, b);
        assertThat(c.z()).isGreaterThan(RankTests.Z_CRITICAL);
        assertThat(c.shift()).as(c.describe()).isPositive();
        assertThat(RankTests.all(a, b)).hasSize(RankTests.FAMILY);
    }
}
