package dev.paxosref.sim.mutant;

import dev.paxosref.core.Learner;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.VoteTally;
import java.util.List;
import java.util.Optional;

/**
 * LEARNER_LEARNS_WITHOUT_QUORUM: Learn(b, v) is enabled by any one vote for (b, v). When the real learner refuses,
 * a learner that counts only the acceptors who voted (b, v) as its quorum takes the step: the same event, with
 * the same votes read, as Learn without its guard.
 */
final class LearnerWithoutQuorum implements LearnerRole {
    private final String l;
    private final Learner real;
    /** Every 2b the real learner holds, since it does not show them. */
    private final VoteTally heard;
    /** What was learned from too few votes, until the real learner learns or crashes. */
    private String learnedAlone;

    LearnerWithoutQuorum(String l, QuorumSystem quorums) {
        this.l = l;
        this.real = new Learner(l, quorums);
        this.heard = new VoteTally(quorums);
    }

    @Override
    public Optional<String> learned() {
        return learnedAlone != null ? Optional.of(learnedAlone) : real.learned();
    }

    @Override
    public boolean receive(Message.Msg2b m) {
        heard.add(m);
        return real.receive(m);
    }

    @Override
    public Step<Message> Learn(int b, String v) {
        Step<Message> step = real.Learn(b, v);
        List<Message.Msg2b> votes = heard.votes(b, v);
        if (step.enabled() || votes.isEmpty()) {
            learnedAlone = step.enabled() ? null : learnedAlone;
            return step;
        }
        Learner alone = new Learner(l, new QuorumSystem(votes.stream().map(Message.Msg2b::acc).toList()));
        votes.forEach(alone::receive);
        learnedAlone = v;
        return alone.Learn(b, v);
    }

    @Override
    public Step.Ready<Message> LearnerCrash() {
        learnedAlone = null;
        heard.clear();
        return real.LearnerCrash();
    }
}
