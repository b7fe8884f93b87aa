package dev.paxosref.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MultiPaxosReconfig.tla: the proposer p, whose acceptors change through the log. Phase1a, Preempted,
 * ReceiveCatchUp and ProposerCrash are MultiPaxos's, inherited as the spec reuses them; the actions that depend on
 * who the acceptors are replace MultiPaxos's: p keeps its promises while it leads, proposes at slot s only once it
 * knows the decisions up to s - Alpha and a majority of the configuration of s promised (CanPropose), sends each 2a
 * to that configuration only, and counts a slot decided by a majority of it. Propose and ReceiveAccepted are
 * MultiProposer's with the parts the spec changes overridden: the window's guards (cannotTake), the
 * configuration's 2a (accepts2a), its quorum (acceptedByQuorum) and the slots a decision makes due (decided).
 */
public final class ReconfigProposer extends MultiProposer {
    private final ConfigurationRule configs;

    /** quorums names the universe of acceptors, every one that may ever serve; configs says who serves when. */
    public ReconfigProposer(int p, int numProposers, QuorumSystem quorums, List<String> replicas, int pBalRecovered,
                            ConfigurationRule configs) {
        super(p, numProposers, quorums, replicas, pBalRecovered);
        this.configs = configs;
    }

    /**
     * MultiPaxosReconfig.tla: ReceivePromise(p, m); a promise for p's ballot is kept. Once a majority of InitConfig
     * (the configuration of slot 1) promised, p leads and proposes every slot from pNext on that has become due.
     */
    @Override
    public Step<MultiMessage> ReceivePromise(MultiMessage.Msg1b m) {
        if (!owns(m.bal())) {
            return new Step.NotEnabled<>("ReceivePromise", "Owner(m.bal) = p");
        }
        List<MultiMessage> send = new ArrayList<>();
        if (pPhase != Proposer.Phase.IDLE && m.bal() == pBal) {
            pPromises.add(m);
            int n = pPhase == Proposer.Phase.P1 ? 1 : pNext;
            if (pPhase == Proposer.Phase.P2 || canPropose(pKnown, 1)) {
                SortedMap<Integer, String> due = catchUp(pKnown, n);
                pPhase = Proposer.Phase.P2;
                pProposals.putAll(due);
                pNext = n + due.size();
                send.addAll(accepts2a(pKnown, due));
            }
        }
        return received(Action.of("ReceivePromise", "p", p, "m", m), m, send);
    }

    /** MultiPaxosReconfig.tla's Propose: slot s is a client's only if p may propose there and nothing is reported. */
    @Override
    Optional<Step.NotEnabled<MultiMessage>> cannotTake(int s) {
        if (!canPropose(pKnown, s)) {
            return Optional.of(new Step.NotEnabled<>("Propose", "CanPropose(pPromises[p], pKnown[p], s)"));
        }
        if (reported(s)) {
            return Optional.of(new Step.NotEnabled<>("Propose", "~Reported(pPromises[p], s)"));
        }
        return Optional.empty();
    }

    /** MultiPaxosReconfig.tla: Accepts2a(pKnown[p], pBal[p], {<<s, v>>}), to the configuration of s. */
    @Override
    List<MultiMessage> accepts2a(int s, String v) {
        return accepts2a(pKnown, new TreeMap<>(Map.of(s, v)));
    }

    /** MultiPaxosReconfig.tla's ReceiveAccepted: IsQuorum(ConfigAt(pKnown[p], s), the acceptors of s's 2b). */
    @Override
    boolean acceptedByQuorum(int s, Set<String> acceptedBy) {
        return Configurations.isQuorum(configs.configAt(pKnown, s), acceptedBy);
    }

    /** MultiPaxosReconfig.tla's ReceiveAccepted: once s is known, p proposes the slots it brought into the window. */
    @Override
    List<MultiMessage> decided(int s, String v) {
        super.decided(s, v);
        SortedMap<Integer, String> due = catchUp(pKnown, pNext);
        pProposals.putAll(due);
        pNext += due.size();
        return accepts2a(pKnown, due);
    }

    /**
     * MultiPaxosReconfig.tla's ReceiveAccepted forgets no decision: ConfigAt reads them all, and without compaction
     * an acceptor's low stays 1.
     */
    @Override
    void forgetBelow(int l) {
        // keeps every decision
    }

    /**
     * MultiPaxosReconfig.tla: Retransmit(p); the 1a to every acceptor whose promise p lacks (in Phase 2 too: a later
     * slot may need promises from a new configuration), and each undecided 2a to the members of its slot's
     * configuration whose 2b p lacks. The caller's timer stands for the spec's "no copy in flight".
     */
    @Override
    public Step<MultiMessage> Retransmit() {
        if (pPhase == Proposer.Phase.IDLE) {
            return new Step.NotEnabled<>("Retransmit", "pPhase[p] \\in {\"p1\", \"p2\"}");
        }
        List<MultiMessage> send = new ArrayList<>(resend1a());
        pProposals.forEach((s, v) -> configs.configAt(pKnown, s).stream()
            .filter(a -> !pAccepts.getOrDefault(s, new TreeSet<>()).contains(a))
            .forEach(a -> send.add(new MultiMessage.Msg2a(a, pBal, s, v))));
        if (send.isEmpty()) {
            return new Step.NotEnabled<>("Retransmit", "N # {}");
        }
        return new Step.Ready<>(Action.of("Retransmit", "p", p), List.of(), Optional.empty(), send, vars());
    }

    /** CanPropose(pPromises[p], K, s): p knows the configuration of s, and a majority of it promised. */
    private boolean canPropose(NavigableMap<Integer, String> k, int s) {
        return configs.knowsConfigAt(k, s) && Configurations.isQuorum(configs.configAt(k, s), senders());
    }

    /** Reported(pPromises[p], s): a promise reports a vote at s or above, so s is no client's to take. */
    private boolean reported(int s) {
        return pPromises.stream().flatMap(m -> m.votes().stream()).anyMatch(t -> t.slot() >= s);
    }

    /** Reproposal(pPromises[p], s): the highest-ballot vote reported at s, else NoOp. */
    private String reproposal(int s) {
        List<SlotVote> votes = pPromises.stream().flatMap(m -> m.votes().stream()).filter(t -> t.slot() == s)
            .toList();
        return SafeValue.highestBallot(votes, SlotVote::bal).map(SlotVote::val).orElse(MultiMessage.NO_OP);
    }

    /** CatchUp(pPromises[p], K, n): the proposals from slot n on that are due, as long as each is proposable. */
    private SortedMap<Integer, String> catchUp(NavigableMap<Integer, String> k, int n) {
        SortedMap<Integer, String> due = new TreeMap<>();
        for (int s = n; canPropose(k, s) && reported(s); s++) {
            due.put(s, reproposal(s));
        }
        return due;
    }

    /** Accepts2a(K, pBal[p], P): each proposal's 2a to the members of its slot's configuration according to K. */
    private List<MultiMessage> accepts2a(NavigableMap<Integer, String> k, SortedMap<Integer, String> proposals) {
        List<MultiMessage> send = new ArrayList<>();
        proposals.forEach((s, v) -> {
            // ProposalsInConfig, p's half: a 2a leaves only for a slot whose configuration p knows.
            Invariant.check(configs.knowsConfigAt(k, s), () -> "p" + p + " proposes " + v + " at slot " + s
                + " knowing only slots " + k.keySet());
            configs.configAt(k, s).stream().sorted().forEach(a -> send.add(new MultiMessage.Msg2a(a, pBal, s, v)));
        });
        return send;
    }
}
