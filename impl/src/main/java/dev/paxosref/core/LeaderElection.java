package dev.paxosref.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * MultiPaxosElection.tla: node p's Bully election, owning up[p] and suspects[p]. Heartbeats and suspicion give p a
 * leader view, the highest id it does not suspect; only a node that leads in its view starts a ballot
 * (LeaderPhase1a), so that two do not duel (MultiPaxos.tla's LeaderFairness asks for one distinguished leader).
 * Time is an input, never read: the spec's Suspect timer may fire at any time, and here it fires once no heartbeat
 * from q came for {@code leaseMs}, or at once for a q never heard from since boot, one of the spec's behaviours.
 * A leader pre-empted by a higher ballot also backs off exponentially plus a jitter the caller draws; the spec
 * leaves open when Phase1a fires, and this is one choice.
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

    private final int p;
    private final int numNodes;
    private final Config config;
    private boolean up = true;
    private final TreeSet<Integer> suspects = new TreeSet<>();
    /** When each node was last heard from; {@link #NEVER} since boot: its suspicion timer is due at once. */
    private final long[] heardAtMs;
    private static final long NEVER = Long.MIN_VALUE;
    private long backoffUntilMs = Long.MIN_VALUE;
    private int preemptionsInARow;

    /** MultiPaxosElection.tla: ElectionInit for p; up, suspecting nobody yet, having heard from nobody. */
    public LeaderElection(int p, int numNodes, Config config) {
        Invariant.check(p >= 0 && p < numNodes, () -> "node " + p + " of " + numNodes);
        this.p = p;
        this.numNodes = numNodes;
        this.config = config;
        this.heardAtMs = new long[numNodes];
        Arrays.fill(heardAtMs, NEVER);
    }

    /** MultiPaxosElection.tla: LeaderView(p), the highest id p does not suspect (itself if it suspects all). */
    public int leaderView() {
        for (int q = numNodes - 1; q > p; q--) {
            if (!suspects.contains(q)) {
                return q;
            }
        }
        return p;
    }

    /** MultiPaxosElection.tla: Leads(p). */
    public boolean leads() {
        return up && leaderView() == p;
    }

    /** Whether p should start a ballot now: it leads and is not backing off from a pre-emption. */
    public boolean mayStartBallot(long nowMs) {
        return leads() && nowMs >= backoffUntilMs;
    }

    /** MultiPaxosElection.tla: Heartbeat(q) with q = p; p tells every other node that it is alive. */
    public ElectionStep Heartbeat() {
        if (!up) {
            return new ElectionStep.NotEnabled("Heartbeat", "up[q]");
        }
        List<ElectionStep.Heartbeat> send = new ArrayList<>();
        for (int other = 0; other < numNodes; other++) {
            if (other != p) {
                send.add(new ElectionStep.Heartbeat(p, other));
            }
        }
        return new ElectionStep.Ready(Action.of("Heartbeat", "q", p), send, vars());
    }

    /** MultiPaxosElection.tla: ReceiveHeartbeat(p, q); p hears from q at nowMs and stops suspecting it. */
    public ElectionStep ReceiveHeartbeat(int q, long nowMs) {
        if (q == p || q < 0 || q >= numNodes) {
            return new ElectionStep.NotEnabled("ReceiveHeartbeat", "<<q, p>> \\in hb");
        }
        if (!up) {
            return new ElectionStep.NotEnabled("ReceiveHeartbeat", "up[p]");
        }
        suspects.remove(q);
        heardAtMs[q] = Math.max(heardAtMs[q], nowMs);
        return new ElectionStep.Ready(Action.of("ReceiveHeartbeat", "p", p, "q", q), List.of(), vars());
    }

    /** MultiPaxosElection.tla: Suspect(p, q); p's timer for q fires, here after leaseMs without a heartbeat. */
    public ElectionStep Suspect(int q, long nowMs) {
        if (!up) {
            return new ElectionStep.NotEnabled("Suspect", "up[p]");
        }
        if (q <= p || q >= numNodes) {
            return new ElectionStep.NotEnabled("Suspect", "q \\in Higher(p)");
        }
        if (suspects.contains(q)) {
            return new ElectionStep.NotEnabled("Suspect", "q \\notin suspects[p]");
        }
        if (heardAtMs[q] != NEVER && nowMs - heardAtMs[q] < config.leaseMs()) {
            return new ElectionStep.NotEnabled("Suspect", "the timer: no heartbeat from q for leaseMs");
        }
        suspects.add(q);
        return new ElectionStep.Ready(Action.of("Suspect", "p", p, "q", q), List.of(), vars());
    }

    /** Fires every suspicion timer that is due: Suspect(p, q) for each higher q silent for a lease. */
    public void suspectSilentPeers(long nowMs) {
        for (int q = p + 1; q < numNodes; q++) {
            Suspect(q, nowMs);
        }
    }

    /** MultiPaxosElection.tla: LeaderPhase1a(p, b); MultiPaxos.tla's Phase1a, for a node that leads. */
    public Step<MultiMessage> LeaderPhase1a(MultiProposerRole proposer, int b) {
        if (!leads()) {
            return new Step.NotEnabled<>("LeaderPhase1a", "Leads(p)");
        }
        return proposer.Phase1a(b);
    }

    /**
     * MultiPaxosElection.tla: Crash(p), the election's half: p stops. The other half is the proposer's
     * ProposerCrash, which the caller runs on the same event.
     */
    public ElectionStep Crash() {
        if (!up) {
            return new ElectionStep.NotEnabled("Crash", "up[p]");
        }
        up = false;
        return new ElectionStep.Ready(Action.of("Crash", "p", p), List.of(), vars());
    }

    /** MultiPaxosElection.tla: Recover(p); p restarts suspecting nobody, having heard from nobody. */
    public ElectionStep Recover() {
        if (up) {
            return new ElectionStep.NotEnabled("Recover", "~up[p]");
        }
        up = true;
        suspects.clear();
        Arrays.fill(heardAtMs, NEVER);
        backoffUntilMs = Long.MIN_VALUE;
        preemptionsInARow = 0;
        return new ElectionStep.Ready(Action.of("Recover", "p", p), List.of(), vars());
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

    /** p's election variables under the spec's names. */
    private Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("up", up);
        vars.put("suspects", new TreeSet<>(suspects));
        return vars;
    }
}
