package dev.snow.faultproxy.toxic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The toxics as pure functions of chunks and time: script chunks in, check what comes out. */
class ToxicStagesTest {

  private static final long MS = 1_000_000L;

  private static List<Chunk> run(Toxic t, Chunk... in) {
    List<Chunk> out = new ArrayList<>();
    for (Chunk c : in) {
      t.accept(c, out::add);
    }
    return out;
  }

  private static Chunk data(int n, long dueMs) {
    return Chunk.data(new byte[n], dueMs * MS);
  }

  @Test
  void lossDelayIsRtoTimesTwoToTheLossesMinusOne() {
    assertThat(LossToxic.delayMs(0)).isZero();
    assertThat(LossToxic.delayMs(1)).isEqualTo(200);
    assertThat(LossToxic.delayMs(2)).isEqualTo(600);
    assertThat(LossToxic.delayMs(3)).isEqualTo(1400);
    assertThat(LossToxic.delayMs(LossToxic.MAX_RETRANSMISSIONS)).isEqualTo(12_600);
  }

  @Test
  void lossReplaysFromItsSeedAndOnlyEverAddsRetransmissionDelays() {
    for (long seed = 0; seed < 50; seed++) {
      List<Chunk> a = run(new LossToxic(0.3, new SplittableRandom(seed)), manyChunks(200));
      List<Chunk> b = run(new LossToxic(0.3, new SplittableRandom(seed)), manyChunks(200));
      assertThat(a).extracting(Chunk::due).as("seed %d replays", seed)
          .isEqualTo(b.stream().map(Chunk::due).toList());
      for (int i = 0; i < a.size(); i++) {
        long delayMs = (a.get(i).due() - i * MS) / MS;
        assertThat(delayMs).as("seed %d chunk %d", seed, i)
            .isIn(0L, 200L, 600L, 1400L, 3000L, 6200L, 12_600L);
      }
    }
  }

  @Test
  void lossRateShowsInTheShareOfDelayedChunks() {
    List<Chunk> out = run(new LossToxic(0.1, new SplittableRandom(42)), manyChunks(20_000));
    long delayed = 0;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).due() > i * MS) {
        delayed++;
      }
    }
    // P(delayed) = rate; 20,000 draws: within ±0.02 unless the generator is broken
    assertThat(delayed / 20_000.0).isBetween(0.08, 0.12);
  }

  @Test
  void lossMeanDelayMatchesTheDocumentedMappingAndTheDraws() {
    assertThat(LossToxic.meanDelayMs(0)).isZero();
    assertThat(LossToxic.meanDelayMs(0.01)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(LossToxic.meanDelayMs(0.1)).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(LossToxic.meanDelayMs(0.5)).isCloseTo(600.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(LossToxic.meanDelayMs(1.0)).isEqualTo(12_600.0);
    List<Chunk> out = run(new LossToxic(0.2, new SplittableRandom(9)), manyChunks(50_000));
    double mean = 0;
    for (int i = 0; i < out.size(); i++) {
      mean += (out.get(i).due() - i * MS) / (double) MS / out.size();
    }
    // sd of one draw ≈ 300 ms at rate 0.2; over 50,000 draws the mean is within ±10 ms
    assertThat(mean).isCloseTo(LossToxic.meanDelayMs(0.2), org.assertj.core.data.Offset.offset(10.0));
  }

  @Test
  void lossZeroAndEndPassUnchanged() {
    Chunk c = data(5, 3);
    assertThat(run(new LossToxic(0, new SplittableRandom(1)), c, Chunk.end(4 * MS)))
        .containsExactly(c, Chunk.end(4 * MS));
  }

  @Test
  void slicerCutsByHalvingAndSpacesPiecesByItsDelay() {
    List<Chunk> out = run(new SlicerToxic(10, 0, 20_000, new SplittableRandom(1)), data(100, 0));
    assertThat(out).hasSize(16);
    assertThat(out).allSatisfy(c -> assertThat(c.length()).isBetween(6, 7));
    assertThat(out.stream().mapToInt(Chunk::length).sum()).isEqualTo(100);
    for (int i = 0; i < out.size(); i++) {
      assertThat(out.get(i).due()).isEqualTo(i * 20 * MS);
    }
  }

  @Test
  void slicerWithVariationKeepsEveryByteInOrder() {
    byte[] bytes = new byte[1000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    List<Chunk> out = run(new SlicerToxic(50, 20, 0, new SplittableRandom(3)), Chunk.data(bytes, 0));
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    out.forEach(c -> joined.writeBytes(c.data()));
    assertThat(joined.toByteArray()).isEqualTo(bytes);
    assertThat(out).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(70));
  }

  @Test
  void bandwidthSpacesBytesByRateAndCutsHundredMillisecondPieces() {
    // 10 KB/s: 3,000 bytes take 300 ms, in pieces of 1,000 bytes (100 ms each)
    List<Chunk> out = run(new BandwidthToxic(10), data(3_000, 0));
    assertThat(out).extracting(Chunk::length).containsExactly(1000, 1000, 1000);
    assertThat(out).extracting(Chunk::due).containsExactly(100 * MS, 200 * MS, 300 * MS);
  }

  @Test
  void bandwidthGivesNoCreditForIdleTime() {
    BandwidthToxic t = new BandwidthToxic(1); // 1 byte per ms
    List<Chunk> out = run(t, data(10, 0), data(10, 5), data(10, 1_000));
    assertThat(out).extracting(Chunk::due).containsExactly(10 * MS, 20 * MS, 1_010 * MS);
  }

  @Test
  void limitDataTruncatesThenEnds() {
    List<Chunk> out = run(new LimitDataToxic(15), data(10, 0), data(10, 1), data(10, 2));
    assertThat(out).extracting(Chunk::kind)
        .containsExactly(Chunk.Kind.DATA, Chunk.Kind.DATA, Chunk.Kind.END);
    assertThat(out.get(0).length() + out.get(1).length()).isEqualTo(15);
  }

  @Test
  void timeoutDropsDataAndEndsAtItsDeadline() {
    TimeoutToxic t = new TimeoutToxic(500, 1_000 * MS);
    assertThat(run(t, data(10, 1_100))).isEmpty();
    assertThat(t.deadline()).isEqualTo(1_500 * MS);
    List<Chunk> out = new ArrayList<>();
    t.onDeadline(1_500 * MS, out::add);
    assertThat(out).containsExactly(Chunk.end(1_500 * MS));
    assertThat(t.deadline()).isEqualTo(Toxic.NEVER);
  }

  @Test
  void timeoutZeroNeverEndsByItself() {
    assertThat(new TimeoutToxic(0, 0).deadline()).isEqualTo(Toxic.NEVER);
  }

  @Test
  void resetPeerArmsOnFirstChunkAndDropsTheRest() {
    List<Chunk> out = run(new ResetPeerToxic(300), data(1, 50), data(1, 60), Chunk.end(70 * MS));
    assertThat(out).containsExactly(Chunk.reset(350 * MS));
  }

  @Test
  void slowCloseDelaysOnlyTheEnd() {
    Chunk d = data(3, 1);
    assertThat(run(new SlowCloseToxic(200), d, Chunk.end(2 * MS))).containsExactly(d, Chunk.end(202 * MS));
  }

  @Test
  void latencyAddsDelayWithinJitter() {
    List<Chunk> out = run(new LatencyToxic(100, 30, new SplittableRandom(5)), manyChunks(500));
    for (int i = 0; i < out.size(); i++) {
      assertThat(out.get(i).due() - i * MS).isBetween(70 * MS, 129 * MS);
    }
  }

  private static Chunk[] manyChunks(int n) {
    Chunk[] in = new Chunk[n];
    for (int i = 0; i < n; i++) {
      in[i] = data(1, i);
    }
    return in;
  }
}
