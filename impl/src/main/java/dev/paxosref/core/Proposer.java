package dev.paxosref.core;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Paxos.tla: the proposer p, owning pBal[p] (durable) and pPhase[p] (volatile), plus the 1b messages for pBal[p]
 * and the proposed values it has heard of, which the spec reads from msgs and proposed.
 */
public final class Proposer implements ProposerRole {
    /** Paxos.tla: pPhase's three values. */
    public enum Phase {
        IDLE("idle"), P1("p1"), P2("p2");

        public final String specName;

        Phase(String specName) {
            this.specName = specName;
        }
    }

    private final int p;
    private final int numProposers;
    private final QuorumSystem quorums;
    private int pBal;
    private Phase pPhase = Phase.IDLE;
    private final Map<String, Message.Msg1b> promises = new TreeMap<>();
    private final Set<String> proposed = new LinkedHashSet<>();

    /** A correct proposer, fresh (pBal = -1) or restarted with its durable pBal. */
    public Proposer(int p, int numProposers, QuorumSystem quorums, int pBalRecovered) {
        this.p = p;
        this.numProposers = numProposers;
        this.quorums = quorums;
        this.pBal = pBalRecovered;
        checkProposerInv();
    }

    /** Paxos.tla: ProposerInv, the conjuncts about this proposer's own variables and the promises it holds. */
    private void checkProposerInv() {
        Invariant.check(pBal == Ballots.NONE || Ballots.owner(pBal, numProposers) == p,
            () -> "ProposerInv: Owner(pBal[p]) = p, got pBal " + pBal + " for " + p);
        Invariant.check(pPhase == Phase.IDLE || pBal != Ballots.NONE,
            () -> "ProposerInv: pPhase[p] # \"idle\" => pBal[p] # -1, got " + pPhase.specName);
        Invariant.check(promises.values().stream().allMatch(m -> m.bal() == pBal),
            () -> "promises are for pBal " + pBal + " only: " + promises.values());
    }

    @Override
    public int id() {
        return p;
    }

    @Override
    public int pBal() {
        return pBal;
    }

    @Override
    public Phase pPhase() {
        return pPhase;
    }

    /**
     * Paxos.tla: Propose(v), as seen by this proposer: a client asked it for v. The spec's Propose changes only the
     * global {@code proposed}, no variable of a proposer, so the step reports no proposer state.
     */
    @Override
    public Step.Ready<Message> Propose(String v) {
        proposed.add(v);
        return new Step.Ready<>(Action.of("Propose", "v", v), List.of(), Optional.empty(), List.of(), Map.of());
    }

    @Override
    public boolean hasHeard(String v) {
        return proposed.contains(v);
    }

    /** Paxos.tla: Phase1a(p, b). */
    @Override
    public Step<Message> Phase1a(int b) {
        if (Ballots.owner(b, numProposers) != p) {
            return new Step.NotEnabled<>("Phase1a", "Owner(b) = p");
        }
        if (b <= pBal) {
            return new Step.NotEnabled<>("Phase1a", "b > pBal[p]");
        }
        pBal = b;
        pPhase = Phase.P1;
        promises.clear();
        checkProposerInv();
        return new Step.Ready<>(Action.of("Phase1a", "p", p, "b", b), List.of(), Optional.of(new ProposerDurable(b)),
            List.of(new Message.Msg1a(b)), vars());
    }

    @Override
    public void receive(Message.Msg1b m) {
        if (pPhase == Phase.P1 && m.bal() == pBal) {
            promises.putIfAbsent(m.acc(), m);
        }
    }

    @Override
    public Optional<String> valueToPropose() {
        return SafeValue.highestReportedVote(promises.values()).or(() -> proposed.stream().findFirst());
    }

    /** Paxos.tla: Phase2a(p, v). */
    @Override
    public Step<Message> Phase2a(String v) {
        if (pPhase != Phase.P1) {
            return new Step.NotEnabled<>("Phase2a", "pPhase[p] = \"p1\"");
        }
        if (!quorums.isQuorum(promises.keySet())) {
            return new Step.NotEnabled<>("Phase2a", "PromisedBy(Q, pBal[p])");
        }
        Optional<List<Message.Msg1b>> witness = SafeValue.witness(quorums, promises, v, proposed);
        if (witness.isEmpty()) {
            return new Step.NotEnabled<>("Phase2a", "SafeValue(PromisesFrom(Q, pBal[p]), v)");
        }
        pPhase = Phase.P2;
        checkProposerInv();
        return new Step.Ready<>(Action.of("Phase2a", "p", p, "v", v), List.copyOf(witness.get()), Optional.empty(),
            List.of(new Message.Msg2a(pBal, v)), vars());
    }

    /** Paxos.tla: ProposerCrash(p); everything but pBal is volatile and lost. */
    @Override
    public Step.Ready<Message> ProposerCrash() {
        pPhase = Phase.IDLE;
        promises.clear();
        proposed.clear();
        return new Step.Ready<>(Action.of("ProposerCrash", "p", p), List.of(), Optional.empty(), List.of(), vars());
    }

    /** The spec's variable names for this proposer's state, as traces show them. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("pBal", pBal);
        vars.put("pPhase", pPhase.specName);
        return vars;
    }
}
