package dev.paxosref.sim;

import dev.paxosref.core.LeaderElection;

/** The simulated cluster's timers, in virtual milliseconds. */
record SimTiming(LeaderElection.Config election, long phaseTimeoutMs, long retransmitMs, long clientRetryMs,
                 long chaosIntervalMs, long jitterMsMax) {
    static final SimTiming DEFAULT = new SimTiming(new LeaderElection.Config(30, 100, 50, 800), 80, 100, 150, 25, 40);
}
