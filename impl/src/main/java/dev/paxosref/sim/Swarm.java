package dev.paxosref.sim;

import java.util.SplittableRandom;

/**
 * Swarm testing, as TigerBeetle's VOPR does it: each seed draws its own fault parameters from its SWARM stream, so
 * that a run of seeds tries many mixes (a network that only duplicates, disks that tear every write but nodes that
 * rarely crash, long partitions without loss, ...) that no one fixed profile reaches. Each kind of fault is off in
 * about a third of the seeds, so that the others show alone. The same seed draws the same parameters.
 */
public record Swarm() implements Faults {
    static final String NAME = "swarm";
    /** A fault kind is drawn as absent this often, so that the others get seeds to themselves. */
    private static final double OFF_PROBABILITY = 1.0 / 3;
    /** As harsh's: enough for every client to finish after the longest fault phase drawn. */
    private static final int HEAL_STEPS_MAX = 40_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FaultProfile forSeed(long seed) {
        SplittableRandom random = new SeedSplit(seed).of(SeedSplit.Subsystem.SWARM);
        return new FaultProfile(NAME,
            rate(random, 0.4), rate(random, 0.3), 1 + random.nextLong(150),
            rate(random, 0.4), 0.05 + random.nextDouble(0.6),
            rate(random, 0.3), 0.05 + random.nextDouble(0.5),
            rate(random, 0.3), random.nextDouble(), random.nextDouble(),
            500 + random.nextLong(3_501), HEAL_STEPS_MAX);
    }

    /** Zero in about a third of the seeds, else uniform in [0, max). */
    private static double rate(SplittableRandom random, double max) {
        return random.nextDouble() < OFF_PROBABILITY ? 0 : random.nextDouble(max);
    }
}
