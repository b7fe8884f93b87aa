package dev.paxosref.sim;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A run's seed split into one random stream per subsystem, as TigerBeetle's VOPR does: a change to what one
 * subsystem draws (a new fault in the network, another client workload) leaves every other subsystem's draws, and
 * so most of a seed's run, as they were. Each stream depends only on the seed and its subsystem.
 */
final class SeedSplit {
    /** The subsystems that draw; new ones go last, so that the streams of the others stay the same. */
    enum Subsystem {
        /** The cluster's shape: how many nodes and clients. */
        CLUSTER,
        /** Loss, duplication and delay of each message. */
        NETWORK,
        /** Crashes during a sync, and what a crash keeps of unsynced writes. */
        DISK,
        /** Timer phases and the nodes' jitter. */
        CLOCK,
        /** Commands, when clients start and where they resubmit. */
        CLIENTS,
        /** Crashes, restarts and partitions during the fault phase. */
        FAULTS,
        /** A swarm run's fault parameters. */
        SWARM
    }

    private final Map<Subsystem, SplittableRandom> streams = new EnumMap<>(Subsystem.class);

    SeedSplit(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (Subsystem subsystem : Subsystem.values()) {
            streams.put(subsystem, root.split());
        }
    }

    SplittableRandom of(Subsystem subsystem) {
        return streams.get(subsystem);
    }
}
