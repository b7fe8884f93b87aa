package dev.paxosref.sim;

import dev.paxosref.core.Message;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.VoteTally;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paxos.tla's Agreement, Validity and LearnedIsChosen, over everything that ever happened in the run: every 2b
 * ever sent (the votes), every value ever proposed and every value any learner ever learned, crashes or not.
 */
final class SafetyChecker implements SafetyCheck<Message> {
    private final VoteTally votes;
    private final Set<String> proposed = new TreeSet<>();
    private final Set<String> learnedEver = new TreeSet<>();
    private boolean changed;

    SafetyChecker(QuorumSystem quorums) {
        this.votes = new VoteTally(quorums);
    }

    @Override
    public void executed(Step.Ready<Message> ready, long step) {
        changed = true;
        for (Message m : ready.send()) {
            if (m instanceof Message.Msg2b b2) {
                votes.add(b2);
            }
        }
        String action = ready.action().name();
        if (action.equals("Propose")) {
            proposed.add((String) ready.action().params().get("v"));
        } else if (action.equals("Learn")) {
            learnedEver.add((String) ready.action().params().get("v"));
        }
    }

    @Override
    public Optional<Violation> violation(long step) {
        if (!changed) {
            return Optional.empty();
        }
        changed = false;
        Set<String> chosen = votes.chosen();
        if (chosen.size() > 1) {
            return Optional.of(new Violation("Agreement", "chosen = " + chosen, step));
        }
        if (learnedEver.size() > 1) {
            return Optional.of(new Violation("Agreement", "learners learned " + learnedEver, step));
        }
        if (!proposed.containsAll(chosen)) {
            return Optional.of(new Violation("Validity", "chosen " + chosen + " not in proposed " + proposed, step));
        }
        if (!chosen.containsAll(learnedEver)) {
            return Optional.of(new Violation("LearnedIsChosen", "learned " + learnedEver + ", chosen " + chosen, step));
        }
        return Optional.empty();
    }

    Set<String> chosen() {
        return votes.chosen();
    }
}
