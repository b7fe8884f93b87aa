package dev.paxosref.sim;

import java.util.Set;

/**
 * Prints what tracing costs the simulator: the same seeds run traced and untraced, alternating rounds so that JIT
 * warm-up and machine noise fall on both. Not a test; run it with
 * {@code java -cp impl/target/classes:impl/target/test-classes:<jackson jars> dev.paxosref.sim.TracingOverheadBenchmark}.
 */
public final class TracingOverheadBenchmark {
    private static final int ROUNDS = 5;
    private static final int SEEDS_PER_ROUND = 400;

    private TracingOverheadBenchmark() {
    }

    public static void main(String[] args) {
        timeNs(false); // warm the JIT for both before measuring either
        timeNs(true);
        long tracedNs = 0;
        long untracedNs = 0;
        for (int round = 0; round < ROUNDS; round++) {
            untracedNs += timeNs(false);
            tracedNs += timeNs(true);
        }
        double seeds = (double) ROUNDS * SEEDS_PER_ROUND;
        System.out.printf("untraced: %.0f seeds/s%ntraced:   %.0f seeds/s%ntracing costs %.1f%% of throughput%n",
            seeds / (untracedNs / 1e9), seeds / (tracedNs / 1e9), 100.0 * (tracedNs - untracedNs) / tracedNs);
    }

    private static long timeNs(boolean traced) {
        long startNs = System.nanoTime();
        for (long seed = 1; seed <= SEEDS_PER_ROUND; seed++) {
            if (traced) {
                Protocol.SINGLE.run(seed, FaultProfile.DEFAULT, Set.of());
            } else {
                Protocol.SINGLE.runUntraced(seed, FaultProfile.DEFAULT, Set.of());
            }
        }
        return System.nanoTime() - startNs;
    }
}
