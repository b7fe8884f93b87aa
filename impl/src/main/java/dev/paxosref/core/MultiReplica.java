package dev.paxosref.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MultiPaxos.tla: the replica r, owning rLog[r] and snap[r] (durable) and sm[r] (volatile). It learns decided
 * slots, executes them in slot order on the counter and key-value store, answers clients exactly once per command,
 * and snapshots so that acceptors may forget. It asks the proposers for a slot it misses (RequestCatchUp).
 */
public final class MultiReplica implements MultiReplicaRole {
    private final String r;
    private final List<String> acceptors;
    private final int numProposers;
    private final TreeMap<Integer, String> rLog = new TreeMap<>();
    private MachineState snap;
    private MachineState sm;

    /** A replica, fresh (ReplicaDurable.INITIAL) or restarted from its durable state: sm starts from snap. */
    public MultiReplica(String r, List<String> acceptors, int numProposers, ReplicaDurable recovered) {
        this.r = r;
        this.acceptors = List.copyOf(acceptors);
        this.numProposers = numProposers;
        this.rLog.putAll(recovered.rLog());
        this.snap = recovered.snap();
        this.sm = recovered.snap();
    }

    @Override
    public MachineState sm() {
        return sm;
    }

    public ReplicaDurable durable() {
        return new ReplicaDurable(rLog, snap);
    }

    /** The value of the next slot to execute, if decided here. */
    @Override
    public Optional<String> nextToExecute() {
        return Optional.ofNullable(rLog.get(sm.idx() + 1));
    }

    /** Whether a decided slot waits behind an undecided one: a decision this replica never received. */
    @Override
    public boolean hasGap() {
        return !rLog.tailMap(sm.idx() + 1).isEmpty() && !rLog.containsKey(sm.idx() + 1);
    }

    /** MultiPaxos.tla: ReceiveDecision(r, s, v); a slot already executed is dropped. */
    @Override
    public Step.Ready<MultiMessage> ReceiveDecision(int s, String v) {
        boolean news = s > sm.idx() && !v.equals(rLog.get(s));
        if (news) {
            String before = rLog.put(s, v);
            Invariant.check(before == null, () -> r + ": slot " + s + " decided twice: " + before + " and " + v);
        }
        return new Step.Ready<>(Action.of("ReceiveDecision", "r", r, "s", s, "v", v),
            List.of(new MultiMessage.Decision(r, s, v)), news ? Optional.of(durable()) : Optional.empty(), List.of(),
            vars());
    }

    /**
     * MultiPaxos.tla: RequestCatchUp(r); r's next slot is not decided here, so it asks every proposer for it. The
     * spec sends only the requests with no copy in flight; the caller's timer stands for that test.
     */
    @Override
    public Step<MultiMessage> RequestCatchUp() {
        int s = sm.idx() + 1;
        if (rLog.containsKey(s)) {
            return new Step.NotEnabled<>("RequestCatchUp", "sm[r].idx + 1 \\notin DOMAIN rLog[r]");
        }
        List<MultiMessage> send = new ArrayList<>();
        for (int p = 0; p < numProposers; p++) {
            send.add(new MultiMessage.CatchUp(r, p, s));
        }
        return new Step.Ready<>(Action.of("RequestCatchUp", "r", r), List.of(), Optional.empty(), send, vars());
    }

    /** MultiPaxos.tla: Execute(r); the command's client gets the counter value it produced. */
    @Override
    public Step<MultiMessage> Execute() {
        String v = rLog.get(sm.idx() + 1);
        if (v == null) {
            return new Step.NotEnabled<>("Execute", "sm[r].idx + 1 \\in DOMAIN rLog[r]");
        }
        MachineState.Applied applied = sm.apply(v);
        sm = applied.next();
        return new Step.Ready<>(Action.of("Execute", "r", r), List.of(), Optional.empty(),
            applied.reply().<List<MultiMessage>>map(List::of).orElse(List.of()), vars());
    }

    /** MultiPaxos.tla: Snapshot(r); the snapshot and the shortened log are durable before acceptors hear of it. */
    @Override
    public Step<MultiMessage> Snapshot() {
        if (sm.idx() <= snap.idx()) {
            return new Step.NotEnabled<>("Snapshot", "sm[r].idx > snap[r].idx");
        }
        snap = sm;
        rLog.headMap(sm.idx() + 1).clear();
        List<MultiMessage> send = acceptors.stream().<MultiMessage>map(a -> new MultiMessage.Snapshot(r, a, sm.idx()))
            .toList();
        return new Step.Ready<>(Action.of("Snapshot", "r", r), List.of(), Optional.of(durable()), send, vars());
    }

    /** MultiPaxos.tla: ReplicaCrash(r); it restarts from its snapshot and replays rLog from there. */
    @Override
    public Step.Ready<MultiMessage> ReplicaCrash() {
        sm = snap;
        return new Step.Ready<>(Action.of("ReplicaCrash", "r", r), List.of(), Optional.empty(), List.of(), vars());
    }

    /** The spec's variable names for this replica's state, as traces show them. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("rLog", new TreeMap<>(rLog));
        vars.put("snap", snap);
        vars.put("sm", sm);
        return vars;
    }
}
