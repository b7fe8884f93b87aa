package dev.paxosref.core;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MultiPaxos.tla: the acceptor a, owning maxBal[a], accepted[a] and low[a] (durable) and heard[a] (volatile).
 * Per slot it is a single-decree acceptor: the vote rule is {@link AcceptorState}'s, applied to the one maxBal
 * that all slots share and the slot's own last vote.
 */
public final class MultiAcceptor implements MultiAcceptorRole {
    private final String a;
    private final List<String> replicas;
    private int maxBal;
    private final TreeMap<Integer, SlotVote> accepted = new TreeMap<>();
    private int low;
    /** heard[a][r]: the snapshot index r last reported; 0 (the spec's Init) for a replica not heard from. */
    private final TreeMap<String, Integer> heard = new TreeMap<>();

    /** A correct acceptor, fresh (MultiAcceptorDurable.INITIAL) or restarted from its durable state. */
    public MultiAcceptor(String a, List<String> replicas, MultiAcceptorDurable recovered) {
        this.a = a;
        this.replicas = List.copyOf(replicas);
        this.maxBal = recovered.maxBal();
        recovered.accepted().forEach(t -> accepted.put(t.slot(), t));
        this.low = recovered.low();
        this.replicas.forEach(r -> heard.put(r, 0));
        checkAcceptorInv();
    }

    /** What the spec's TypeOK and the vote rule imply of this acceptor alone. */
    private void checkAcceptorInv() {
        Invariant.check(low >= 1, () -> a + ": low " + low);
        Invariant.check(accepted.values().stream().allMatch(t -> t.slot() >= low && t.bal() <= maxBal),
            () -> a + ": every vote is at or above low " + low + " and at or below maxBal " + maxBal + ": " + accepted);
    }

    @Override
    public int maxBal() {
        return maxBal;
    }

    public int low() {
        return low;
    }

    public MultiAcceptorDurable durable() {
        return new MultiAcceptorDurable(maxBal, List.copyOf(accepted.values()), low);
    }

    /**
     * MultiPaxos.tla: Phase1b(a, b). Unlike Paxos.tla the guard admits b = maxBal[a], so a duplicated 1a is
     * answered again (with any votes cast in b since).
     */
    @Override
    public Step<MultiMessage> Phase1b(int b) {
        if (b < maxBal) {
            return new Step.NotEnabled<>("Phase1b", "b >= maxBal[a]");
        }
        maxBal = b;
        MultiMessage reply = new MultiMessage.Msg1b(a, b, low, List.copyOf(accepted.values()));
        return answer(Action.of("Phase1b", "a", a, "b", b), new MultiMessage.Msg1a(a, b), List.of(reply));
    }

    /** MultiPaxos.tla: Reject1a(a, b); b's owner hears of the higher promise. */
    @Override
    public Step<MultiMessage> Reject1a(int b) {
        if (!(b < maxBal)) {
            return new Step.NotEnabled<>("Reject1a", "b < maxBal[a]");
        }
        return new Step.Ready<>(Action.of("Reject1a", "a", a, "b", b), List.of(new MultiMessage.Msg1a(a, b)),
            Optional.empty(), List.of(new MultiMessage.Preempted(b, maxBal)), vars());
    }

    /** MultiPaxos.tla: Phase2b(a, b, s, v), by the single-decree vote rule on slot s. */
    @Override
    public Step<MultiMessage> Phase2b(int b, int s, String v) {
        if (!slotState(s).canVote(b)) {
            return new Step.NotEnabled<>("Phase2b", "b >= maxBal[a]");
        }
        if (s < low) {
            return new Step.NotEnabled<>("Phase2b", "s >= low[a]");
        }
        AcceptorState voted = slotState(s).vote(b, v);
        maxBal = voted.maxBal();
        accepted.put(s, new SlotVote(s, voted.maxVBal(), voted.maxVal()));
        checkAcceptorInv();
        MultiMessage reply = new MultiMessage.Msg2b(a, b, s, v, low);
        return answer(Action.of("Phase2b", "a", a, "b", b, "s", s, "v", v), new MultiMessage.Msg2a(a, b, s, v),
            List.of(reply));
    }

    /** Slot s seen as a single-decree acceptor: the shared maxBal and the slot's last vote. */
    private AcceptorState slotState(int s) {
        SlotVote vote = accepted.get(s);
        return vote == null ? new AcceptorState(maxBal, Ballots.NONE, null)
            : new AcceptorState(maxBal, vote.bal(), vote.val());
    }

    /** MultiPaxos.tla: Reject2a(a, b, s, v); only a ballot below the promise is worth telling its owner about. */
    @Override
    public Step<MultiMessage> Reject2a(int b, int s, String v) {
        boolean belowPromise = b < maxBal;
        if (!belowPromise && !(s < low)) {
            return new Step.NotEnabled<>("Reject2a", "b < maxBal[a] \\/ s < low[a]");
        }
        List<MultiMessage> send = belowPromise ? List.of(new MultiMessage.Preempted(b, maxBal)) : List.of();
        return new Step.Ready<>(Action.of("Reject2a", "a", a, "b", b, "s", s, "v", v),
            List.of(new MultiMessage.Msg2a(a, b, s, v)), Optional.empty(), send, vars());
    }

    /** MultiPaxos.tla: ReceiveSnapshot(a, r, i); votes below every replica's snapshot are forgotten. */
    @Override
    public Step<MultiMessage> ReceiveSnapshot(String r, int i) {
        if (!heard.containsKey(r)) {
            return new Step.NotEnabled<>("ReceiveSnapshot", "r \\in Replica");
        }
        heard.merge(r, i, Math::max);
        int lowestSnapshot = heard.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        low = Math.max(low, lowestSnapshot + 1);
        accepted.headMap(low).clear();
        checkAcceptorInv();
        // Forgetting need not reach the disk before anything: remembering more is safe. It is written anyway so
        // that the disk, like the spec's low, does not grow without bound.
        return new Step.Ready<>(Action.of("ReceiveSnapshot", "a", a, "r", r, "i", i),
            List.of(new MultiMessage.Snapshot(r, a, i)), Optional.of(durable()), List.of(), vars());
    }

    /** MultiPaxos.tla: AcceptorCrash(a); the caller rebuilt this acceptor from disk, so only heard is reset. */
    @Override
    public Step.Ready<MultiMessage> AcceptorCrash() {
        heard.replaceAll((r, i) -> 0);
        return new Step.Ready<>(Action.of("AcceptorCrash", "a", a), List.of(), Optional.empty(), List.of(), vars());
    }

    private Step<MultiMessage> answer(Action action, MultiMessage received, List<MultiMessage> send) {
        return new Step.Ready<>(action, List.of(received), Optional.of(durable()), send, vars());
    }

    /** The spec's variable names for this acceptor's state, as traces show them; its votes a set. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("maxBal", maxBal);
        vars.put("accepted", new LinkedHashSet<>(accepted.values()));
        vars.put("low", low);
        vars.put("heard", new TreeMap<>(heard));
        return vars;
    }
}
