package dev.paxosref.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MultiPaxos.tla: the proposer (leader) p, owning pBal[p] (durable) and pPhase, pPromises, pProposals, pAccepts,
 * pNext, pKnown (volatile). Phase 1 runs once per ballot for every slot; Phase 2 once per slot. It re-sends what
 * its ballot still waits for (Retransmit) and answers replicas that missed a decision it made (ReceiveCatchUp).
 * MultiPaxosReconfig.tla reuses some of these actions and replaces others: {@link ReconfigProposer} overrides those,
 * so the state is shared with it (package-private) and the class is sealed to it.
 */
public sealed class MultiProposer implements MultiProposerRole permits ReconfigProposer {
    final int p;
    private final int numProposers;
    /** The acceptors: all of them (MultiPaxos.tla's Acceptor), or the universe under reconfiguration. */
    final QuorumSystem quorums;
    final List<String> replicas;
    int pBal;
    Proposer.Phase pPhase = Proposer.Phase.IDLE;
    final Set<MultiMessage.Msg1b> pPromises = new LinkedHashSet<>();
    /** pProposals[p] as slot to value: a ballot proposes at most one value per slot. */
    final TreeMap<Integer, String> pProposals = new TreeMap<>();
    /** pAccepts[p] as slot to the acceptors whose 2b for it arrived. */
    final TreeMap<Integer, TreeSet<String>> pAccepts = new TreeMap<>();
    int pNext = 1;
    /** pKnown[p]: the decisions this proposer made since it last crashed. */
    final TreeMap<Integer, String> pKnown = new TreeMap<>();

    /** A correct proposer, fresh (pBal = -1) or restarted with its durable pBal. */
    public MultiProposer(int p, int numProposers, QuorumSystem quorums, List<String> replicas, int pBalRecovered) {
        this.p = p;
        this.numProposers = numProposers;
        this.quorums = quorums;
        this.replicas = List.copyOf(replicas);
        this.pBal = pBalRecovered;
    }

    @Override
    public int pBal() {
        return pBal;
    }

    @Override
    public Proposer.Phase pPhase() {
        return pPhase;
    }

    /** MultiPaxos.tla: Phase1a(p, b); p times out and starts ballot b. */
    @Override
    public Step<MultiMessage> Phase1a(int b) {
        if (pPhase == Proposer.Phase.P2) {
            return new Step.NotEnabled<>("Phase1a", "pPhase[p] # \"p2\"");
        }
        if (!owns(b)) {
            return new Step.NotEnabled<>("Phase1a", "Owner(b) = p");
        }
        if (b <= pBal) {
            return new Step.NotEnabled<>("Phase1a", "b > pBal[p]");
        }
        pBal = b;
        pPhase = Proposer.Phase.P1;
        clearBallot();
        List<MultiMessage> send = new ArrayList<>();
        quorums.acceptors().forEach(a -> send.add(new MultiMessage.Msg1a(a, b)));
        return new Step.Ready<>(Action.of("Phase1a", "p", p, "b", b), List.of(), Optional.of(new ProposerDurable(b)),
            send, vars());
    }

    /** MultiPaxos.tla: ReceivePromise(p, m); a quorum's promises make p lead, re-proposing what they report. */
    @Override
    public Step<MultiMessage> ReceivePromise(MultiMessage.Msg1b m) {
        if (!owns(m.bal())) {
            return new Step.NotEnabled<>("ReceivePromise", "Owner(m.bal) = p");
        }
        List<MultiMessage> send = new ArrayList<>();
        if (pPhase == Proposer.Phase.P1 && m.bal() == pBal) {
            pPromises.add(m);
            if (quorums.isQuorum(senders())) {
                SortedMap<Integer, String> reproposals = Reproposals.of(pPromises);
                pPhase = Proposer.Phase.P2;
                pNext = Reproposals.startSlot(pPromises) + reproposals.size();
                pPromises.clear();
                pProposals.putAll(reproposals);
                reproposals.forEach((s, v) -> send.addAll(accepts2a(s, v)));
            }
        }
        return received(Action.of("ReceivePromise", "p", p, "m", m), m, send);
    }

    /**
     * MultiPaxos.tla: Propose(p, c), and MultiPaxosReconfig.tla's, which adds the window's guards (cannotTake) and
     * sends to the slot's configuration (accepts2a); a request already proposed and undecided is dropped.
     */
    @Override
    public Step<MultiMessage> Propose(String c) {
        if (pPhase != Proposer.Phase.P2) {
            return new Step.NotEnabled<>("Propose", "pPhase[p] = \"p2\"");
        }
        List<MultiMessage> send = new ArrayList<>();
        if (!pProposals.containsValue(c)) {
            int s = pNext;
            Optional<Step.NotEnabled<MultiMessage>> waits = cannotTake(s);
            if (waits.isPresent()) {
                return waits.get();
            }
            pProposals.put(s, c);
            pNext = s + 1;
            send.addAll(accepts2a(s, c));
        }
        return received(Action.of("Propose", "p", p, "c", c), new MultiMessage.Request(c), send);
    }

    /**
     * The conjuncts Propose adds before a client's request takes slot s: none in MultiPaxos.tla;
     * MultiPaxosReconfig.tla's window in {@link ReconfigProposer}.
     */
    Optional<Step.NotEnabled<MultiMessage>> cannotTake(int s) {
        return Optional.empty();
    }

    /** MultiPaxos.tla: Accepts2a(pBal[p], {<<s, v>>}), one 2a per acceptor; per configuration in ReconfigProposer. */
    List<MultiMessage> accepts2a(int s, String v) {
        return quorums.acceptors().stream().<MultiMessage>map(a -> new MultiMessage.Msg2a(a, pBal, s, v)).toList();
    }

    /**
     * MultiPaxos.tla: ReceiveAccepted(p, a, b, s, v, l); a quorum's 2b decide s, every replica hears of it, and p
     * forgets the decisions below a's low l, which every replica has in its snapshot. MultiPaxosReconfig.tla's counts
     * the quorum in the slot's configuration, proposes what the decision brought into the window and forgets nothing
     * ({@link ReconfigProposer}'s acceptedByQuorum, decided and forgetBelow).
     */
    @Override
    public Step<MultiMessage> ReceiveAccepted(String a, int b, int s, String v, int l) {
        if (!owns(b)) {
            return new Step.NotEnabled<>("ReceiveAccepted", "Owner(b) = p");
        }
        List<MultiMessage> send = new ArrayList<>();
        if (pPhase == Proposer.Phase.P2 && b == pBal && v.equals(pProposals.get(s))) {
            TreeSet<String> acceptedBy = pAccepts.computeIfAbsent(s, slot -> new TreeSet<>());
            acceptedBy.add(a);
            if (acceptedByQuorum(s, acceptedBy)) {
                replicas.forEach(r -> send.add(new MultiMessage.Decision(r, s, v)));
                send.addAll(decided(s, v));
                forgetBelow(l);
            }
        }
        return received(Action.of("ReceiveAccepted", "p", p, "a", a, "b", b, "s", s, "v", v, "l", l),
            new MultiMessage.Msg2b(a, b, s, v, l), send);
    }

    /** \E Q \in Quorum : \A q \in Q : <<s, q>> \in A, for the acceptors A whose 2b for s arrived. */
    boolean acceptedByQuorum(int s, Set<String> acceptedBy) {
        return quorums.isQuorum(acceptedBy);
    }

    /** s is decided with v: p forgets it as a proposal and knows it; the 2a it sends besides (none here). */
    List<MultiMessage> decided(int s, String v) {
        pProposals.remove(s);
        pAccepts.remove(s);
        pKnown.put(s, v);
        return List.of();
    }

    /** DropUpTo(pKnown[p], l - 1): no replica can ask for a slot below an acceptor's low. */
    void forgetBelow(int l) {
        pKnown.headMap(l).clear();
    }

    /** MultiPaxos.tla: Preempted(p, b, c); a higher ballot c was promised, so ballot b steps down. */
    @Override
    public Step<MultiMessage> Preempted(int b, int c) {
        if (!owns(b)) {
            return new Step.NotEnabled<>("Preempted", "Owner(b) = p");
        }
        if (b == pBal && c > b) {
            pPhase = Proposer.Phase.IDLE;
            clearBallot();
        }
        return new Step.Ready<>(Action.of("Preempted", "p", p, "b", b, "c", c),
            List.of(new MultiMessage.Preempted(b, c)), Optional.empty(), List.of(), vars());
    }

    /**
     * MultiPaxos.tla: Retransmit(p); p's retry timer fires while it runs a ballot. The spec sends only the messages
     * with no copy in flight; the caller's timer stands for that test, since no node sees the network.
     */
    @Override
    public Step<MultiMessage> Retransmit() {
        if (pPhase == Proposer.Phase.IDLE) {
            return new Step.NotEnabled<>("Retransmit", "pPhase[p] \\in {\"p1\", \"p2\"}");
        }
        List<MultiMessage> send = new ArrayList<>();
        if (pPhase == Proposer.Phase.P1) {
            send.addAll(resend1a());
        } else {
            pProposals.forEach((s, v) -> quorums.acceptors().stream()
                .filter(a -> !pAccepts.getOrDefault(s, new TreeSet<>()).contains(a))
                .forEach(a -> send.add(new MultiMessage.Msg2a(a, pBal, s, v))));
        }
        if (send.isEmpty()) {
            return new Step.NotEnabled<>("Retransmit", "N # {}");
        }
        return new Step.Ready<>(Action.of("Retransmit", "p", p), List.of(), Optional.empty(), send, vars());
    }

    /** MultiPaxos.tla: ReceiveCatchUp(p, r, s); p answers with the decision of s if it made it. */
    @Override
    public Step.Ready<MultiMessage> ReceiveCatchUp(String r, int s) {
        String v = pKnown.get(s);
        List<MultiMessage> send = v == null ? List.of() : List.of(new MultiMessage.Decision(r, s, v));
        return new Step.Ready<>(Action.of("ReceiveCatchUp", "p", p, "r", r, "s", s),
            List.of(new MultiMessage.CatchUp(r, p, s)), Optional.empty(), send, vars());
    }

    /** MultiPaxos.tla: ProposerCrash(p); it keeps its ballot and forgets everything else, its decisions too. */
    @Override
    public Step.Ready<MultiMessage> ProposerCrash() {
        pPhase = Proposer.Phase.IDLE;
        clearBallot();
        pNext = 1;
        pKnown.clear();
        return new Step.Ready<>(Action.of("ProposerCrash", "p", p), List.of(), Optional.empty(), List.of(), vars());
    }

    /** A step that received m, wrote nothing durable and sends send. */
    final Step.Ready<MultiMessage> received(Action action, MultiMessage m, List<MultiMessage> send) {
        return new Step.Ready<>(action, List.of(m), Optional.empty(), send, vars());
    }

    /** Senders(pPromises[p]). */
    final Set<String> senders() {
        Set<String> senders = new TreeSet<>();
        pPromises.forEach(promise -> senders.add(promise.from()));
        return senders;
    }

    /** The 1a of p's ballot to each acceptor whose promise it lacks. */
    final List<MultiMessage> resend1a() {
        Set<String> promised = senders();
        return quorums.acceptors().stream().filter(a -> !promised.contains(a))
            .<MultiMessage>map(a -> new MultiMessage.Msg1a(a, pBal)).toList();
    }

    /** Owner(b) = p. */
    final boolean owns(int b) {
        return Ballots.owner(b, numProposers) == p;
    }

    private void clearBallot() {
        pPromises.clear();
        pProposals.clear();
        pAccepts.clear();
    }

    /**
     * The spec's variable names for this proposer's state, as traces show them; sets are sets, pairs two-element
     * lists.
     */
    public final Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("pBal", pBal);
        vars.put("pPhase", pPhase.specName);
        vars.put("pPromises", new LinkedHashSet<>(pPromises));
        Set<List<Object>> proposals = new LinkedHashSet<>();
        pProposals.forEach((s, v) -> proposals.add(List.of(s, v)));
        vars.put("pProposals", proposals);
        Set<List<Object>> accepts = new LinkedHashSet<>();
        pAccepts.forEach((s, as) -> as.forEach(a -> accepts.add(List.of(s, a))));
        vars.put("pAccepts", accepts);
        vars.put("pNext", pNext);
        vars.put("pKnown", new TreeMap<>(pKnown));
        return vars;
    }
}
