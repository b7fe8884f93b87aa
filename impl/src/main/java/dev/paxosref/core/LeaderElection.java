package dev.paxosref.core;

import java.util.Arrays;

/**
 * Picks one distinguished proposer so that two never duel (Paxos.tla's LeaderFairness asks for exactly one): the
 * highest id heard from within a lease wins, Bully-style, and a leader pre-empted by a higher ballot backs off
 * exponentially plus a jitter the caller draws. Time is an input, never read, so the caller's clock (real or
 * simulated) and random source decide everything and a run replays exactly.
 */
public final class LeaderElection {
    /** Timing of heartbeats, leases and back-off, in milliseconds. */
    public record Config(long heartbeatIntervalMs, long leaseMs, long backoffMsBase, long backoffMsMax) {
        public Config {
            if (heartbeatIntervalMs <= 0 || leaseMs <= heartbeatIntervalMs || backoffMsBase <= 0
                || backoffMsMax < backoffMsBase) {
                throw new IllegalArgumentException("election timing must satisfy 0 < heartbeat < lease, "
                    + "0 < backoff base <= max: " + this);
            }
        }
    }

    /** Doubling past this many pre-emptions would only overflow; backoffMsMax caps it anyway. */
    private static final int BACKOFF_DOUBLINGS_MAX = 20;

    private final int self;
    private final Config config;
    private final long[] heardAtMs;
    private long backoffUntilMs = Long.MIN_VALUE;
    private int preemptionsInARow;

    /** A node that has heard from nobody yet: it will lead until it hears from a higher id. */
    public LeaderElection(int self, int numNodes, Config config) {
        Invariant.check(self >= 0 && self < numNodes, () -> "node " + self + " of " + numNodes);
        this.self = self;
        this.config = config;
        this.heardAtMs = new long[numNodes];
        Arrays.fill(heardAtMs, Long.MIN_VALUE);
    }

    /** A heartbeat from node {@code from} arrived at {@code nowMs}. */
    public void onHeartbeat(int from, long nowMs) {
        heardAtMs[from] = Math.max(heardAtMs[from], nowMs);
    }

    /** The highest id whose lease has not expired, counting this node as always alive. */
    public int leader(long nowMs) {
        for (int id = heardAtMs.length - 1; id > self; id--) {
            if (heardAtMs[id] != Long.MIN_VALUE && nowMs - heardAtMs[id] < config.leaseMs()) {
                return id;
            }
        }
        return self;
    }

    /** Whether this node should start a ballot now: it leads and is not backing off. */
    public boolean mayStartBallot(long nowMs) {
        return leader(nowMs) == self && nowMs >= backoffUntilMs;
    }

    /**
     * A higher ballot pre-empted ours: wait base * 2^k (capped) plus {@code jitterMs}, so that two nodes that both
     * believe they lead (a partition healing) stop colliding. Returns when the back-off ends.
     */
    public long onPreempted(long nowMs, long jitterMs) {
        Invariant.check(jitterMs >= 0, () -> "negative jitter " + jitterMs + " ms");
        int doublings = Math.min(preemptionsInARow, BACKOFF_DOUBLINGS_MAX);
        preemptionsInARow++;
        long backoffMs = Math.min(config.backoffMsMax(), config.backoffMsBase() << doublings);
        backoffUntilMs = nowMs + backoffMs + jitterMs;
        return backoffUntilMs;
    }

    /** Our ballot made progress: the next pre-emption starts from the base back-off again. */
    public void onProgress() {
        preemptionsInARow = 0;
    }

}
