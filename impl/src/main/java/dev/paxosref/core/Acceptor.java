package dev.paxosref.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Paxos.tla: the acceptor a, owning maxBal[a], maxVBal[a] and maxVal[a]; all three are durable. */
public final class Acceptor implements AcceptorRole {
    private final String a;
    private AcceptorState state;

    /** A correct acceptor, fresh (AcceptorState.INITIAL) or recovered from its durable state after a restart. */
    public Acceptor(String a, AcceptorState recovered) {
        this.a = a;
        this.state = recovered;
    }

    @Override
    public AcceptorState state() {
        return state;
    }

    @Override
    public Optional<Message.Msg2b> lastVote() {
        return state.maxVBal() == Ballots.NONE
            ? Optional.empty()
            : Optional.of(new Message.Msg2b(a, state.maxVBal(), state.maxVal()));
    }

    /** Paxos.tla: Phase1b(a, b); the caller has received [type |-> "1a", bal |-> b]. */
    @Override
    public Step<Message> Phase1b(int b) {
        if (!state.canPromise(b)) {
            return new Step.NotEnabled<>("Phase1b", "b > maxBal[a]");
        }
        AcceptorState before = state;
        state = state.promise(b);
        Message reply = new Message.Msg1b(a, b, before.maxVBal(), before.maxVal());
        return ready(Action.of("Phase1b", "a", a, "b", b), new Message.Msg1a(b), reply);
    }

    /** Paxos.tla: Phase2b(a, b, v); the caller has received [type |-> "2a", bal |-> b, val |-> v]. */
    @Override
    public Step<Message> Phase2b(int b, String v) {
        if (!state.canVote(b)) {
            return new Step.NotEnabled<>("Phase2b", "b >= maxBal[a]");
        }
        state = state.vote(b, v);
        Message reply = new Message.Msg2b(a, b, v);
        return ready(Action.of("Phase2b", "a", a, "b", b, "v", v), new Message.Msg2a(b, v), reply);
    }

    private Step<Message> ready(Action action, Message received, Message reply) {
        return new Step.Ready<>(action, List.of(received), Optional.of(state), List.of(reply), vars(state));
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
