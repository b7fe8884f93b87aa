package dev.paxosref.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Paxos.tla: the learner l, owning learned[l] (volatile), plus the 2b messages it has received. */
public final class Learner implements LearnerRole {
    private final String l;
    private final VoteTally received;
    private String learned;

    /** A correct learner that has learned nothing (Init, or after LearnerCrash). */
    public Learner(String l, QuorumSystem quorums) {
        this.l = l;
        this.received = new VoteTally(quorums);
    }

    @Override
    public Optional<String> learned() {
        return Optional.ofNullable(learned);
    }

    @Override
    public boolean receive(Message.Msg2b m) {
        return received.add(m);
    }

    /** Paxos.tla: Learn(l, b, v). */
    @Override
    public Step<Message> Learn(int b, String v) {
        if (!received.votedByQuorum(b, v)) {
            return new Step.NotEnabled<>("Learn", "VotedByQuorum(b, v)");
        }
        learned = v;
        List<Message> votes = List.copyOf(received.votes(b, v));
        return new Step.Ready<>(Action.of("Learn", "l", l, "b", b, "v", v), votes, Optional.empty(), List.of(), vars());
    }

    /** Paxos.tla: LearnerCrash(l); what it learned and the 2b messages it held are lost. */
    @Override
    public Step.Ready<Message> LearnerCrash() {
        learned = null;
        received.clear();
        return new Step.Ready<>(Action.of("LearnerCrash", "l", l), List.of(), Optional.empty(), List.of(), vars());
    }

    /** The spec's variable names for this learner's state, as traces show them. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("learned", learned);
        return vars;
    }
}
