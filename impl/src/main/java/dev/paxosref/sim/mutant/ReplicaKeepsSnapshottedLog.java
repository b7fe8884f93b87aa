package dev.paxosref.sim.mutant;

import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * REPLICA_KEEPS_SNAPSHOTTED_LOG: Snapshot writes the snapshot but keeps in rLog the slots it covers, which
 * MultiPaxos.tla drops (DropUpTo): the log grows without bound. The replica never reads those slots again, so nothing
 * it sends changes, and the slots it keeps never change again: only a check that a step changes nothing its log of
 * changes leaves out sees it. The real replica drops them; this one keeps them beside it and shows them in its rLog.
 */
record ReplicaKeepsSnapshottedLog(MultiReplica real, SortedMap<Integer, String> kept)
    implements Forwarding.MultiReplica {

    ReplicaKeepsSnapshottedLog(MultiReplica real) {
        this(real, new TreeMap<>());
    }

    @Override
    public Step.Ready<MultiMessage> ReceiveDecision(int s, String v) {
        return withKept(real.ReceiveDecision(s, v));
    }

    @Override
    public Step<MultiMessage> RequestCatchUp() {
        return withKept(real.RequestCatchUp());
    }

    @Override
    public Step<MultiMessage> Execute() {
        return withKept(real.Execute());
    }

    @Override
    public Step<MultiMessage> Snapshot() {
        SortedMap<Integer, String> covered = real.durable().rLog().headMap(real.sm().idx() + 1);
        Step<MultiMessage> step = real.Snapshot();
        if (step instanceof Step.Ready<MultiMessage>) {
            kept.putAll(covered);
        }
        return withKept(step);
    }

    @Override
    public Step.Ready<MultiMessage> ReplicaCrash() {
        return withKept(real.ReplicaCrash());
    }

    private Step<MultiMessage> withKept(Step<MultiMessage> step) {
        return step instanceof Step.Ready<MultiMessage> r ? withKept(r) : step;
    }

    /** The step with the kept slots in its post-state's rLog. */
    private Step.Ready<MultiMessage> withKept(Step.Ready<MultiMessage> step) {
        if (kept.isEmpty()) {
            return step;
        }
        @SuppressWarnings("unchecked") // MultiReplica.vars() puts its rLog there, slot -> value
        SortedMap<Integer, String> rLog = new TreeMap<>((Map<Integer, String>) step.state().get("rLog"));
        rLog.putAll(kept);
        Map<String, Object> state = new LinkedHashMap<>(step.state());
        state.put("rLog", rLog);
        return new Step.Ready<>(step.action(), step.recv(), step.persist(), step.send(), state);
    }
}
