package dev.paxosref.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Paxos.tla: the learner l, owning learned[l] (volatile), plus the 2b messages it has received. */
public final class Learner {
    private final String l;
    private final Set<Bug> bugs;
    private final VoteTally received;
    private String learned;

    /** A correct learner that has learned nothing (Init, or after LearnerCrash). */
    public Learner(String l, QuorumSystem quorums) {
        this(l, quorums, Set.of());
    }

    /** The same, with bugs injected, for tests that show they are caught. */
    public Learner(String l, QuorumSystem quorums, Set<Bug> bugs) {
        this.l = l;
        this.bugs = Set.copyOf(bugs);
        this.received = new VoteTally(quorums);
    }

    /** learned[l], or empty for None. */
    public Optional<String> learned() {
        return Optional.ofNullable(learned);
    }

    /** Delivers a 2b; returns whether it was new to this learner. */
    public boolean receive(Message.Msg2b m) {
        return received.add(m);
    }

    /** Paxos.tla: Learn(l, b, v). */
    public Step Learn(int b, String v) {
        List<Message.Msg2b> votes = received.votes(b, v);
        boolean quorum = received.votedByQuorum(b, v);
        if (!quorum && !(bugs.contains(Bug.LEARNER_LEARNS_WITHOUT_QUORUM) && !votes.isEmpty())) {
            return new Step.NotEnabled("Learn", "VotedByQuorum(b, v)");
        }
        learned = v;
        return new Step.Ready(Action.of("Learn", "l", l, "b", b, "v", v), List.copyOf(votes), Optional.empty(),
            List.of(), vars());
    }

    /** Paxos.tla: LearnerCrash(l); what it learned and the 2b messages it held are lost. */
    public Step.Ready LearnerCrash() {
        learned = null;
        received.clear();
        return new Step.Ready(Action.of("LearnerCrash", "l", l), List.of(), Optional.empty(), List.of(), vars());
    }

    /** The spec's variable names for this learner's state, as traces show them. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("learned", learned);
        return vars;
    }
}
