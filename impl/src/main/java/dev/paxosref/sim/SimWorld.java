package dev.paxosref.sim;

import java.util.SplittableRandom;

/**
 * What a simulated node or client may ask of its world: the virtual clock, the seed's randomness (one stream per
 * subsystem), timers and the network.
 */
interface SimWorld {
    long nowMs();

    SplittableRandom random(SeedSplit.Subsystem subsystem);

    /** The faults in force now: the profile's during the fault phase, none after the heal. */
    FaultProfile faults();

    void schedule(long delayMs, SimEvent event);

    void send(Envelope envelope);

    void countCrashDuringWrite();
}
