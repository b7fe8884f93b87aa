package dev.paxosref.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Paxos.tla: the acceptor a, owning maxBal[a], maxVBal[a] and maxVal[a]; all three are durable. */
public final class Acceptor {
    private final String a;
    private final Set<Bug> bugs;
    private AcceptorState state;

    /** A correct acceptor, fresh (AcceptorState.INITIAL) or recovered from its durable state after a restart. */
    public Acceptor(String a, AcceptorState recovered) {
        this(a, recovered, Set.of());
    }

    /** The same, with bugs injected, for tests that show they are caught. */
    public Acceptor(String a, AcceptorState recovered, Set<Bug> bugs) {
        this.a = a;
        this.state = recovered;
        this.bugs = Set.copyOf(bugs);
    }

    public AcceptorState state() {
        return state;
    }

    /** The 2b this acceptor sent for its last vote, if any; re-sending it adds nothing new to msgs. */
    public Optional<Message.Msg2b> lastVote() {
        return state.maxVBal() == Ballots.NONE
            ? Optional.empty()
            : Optional.of(new Message.Msg2b(a, state.maxVBal(), state.maxVal()));
    }

    /** Paxos.tla: Phase1b(a, b); the caller has received [type |-> "1a", bal |-> b]. */
    public Step Phase1b(int b) {
        if (!state.canPromise(b)) {
            return new Step.NotEnabled("Phase1b", "b > maxBal[a]");
        }
        AcceptorState before = state;
        state = state.promise(b);
        Message reply = new Message.Msg1b(a, b, before.maxVBal(), before.maxVal());
        return ready(Action.of("Phase1b", "a", a, "b", b), new Message.Msg1a(b), reply);
    }

    /** Paxos.tla: Phase2b(a, b, v); the caller has received [type |-> "2a", bal |-> b, val |-> v]. */
    public Step Phase2b(int b, String v) {
        if (!state.canVote(b) && !bugs.contains(Bug.ACCEPTOR_SKIPS_PROMISE_CHECK)) {
            return new Step.NotEnabled("Phase2b", "b >= maxBal[a]");
        }
        state = state.vote(b, v);
        Message reply = new Message.Msg2b(a, b, v);
        return ready(Action.of("Phase2b", "a", a, "b", b, "v", v), new Message.Msg2a(b, v), reply);
    }

    private Step ready(Action action, Message received, Message reply) {
        Optional<Durable> persist = bugs.contains(Bug.ACCEPTOR_SKIPS_PERSIST) ? Optional.empty() : Optional.of(state);
        return new Step.Ready(action, List.of(received), persist, List.of(reply), vars(state));
    }

    /** The spec's variable names for the acceptor's state, as traces show them. */
    public static Map<String, Object> vars(AcceptorState s) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("maxBal", s.maxBal());
        vars.put("maxVBal", s.maxVBal());
        vars.put("maxVal", s.maxVal());
        return vars;
    }
}
