package dev.paxosref.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data-driven scenarios in the etcd-raft style: src/test/resources/scenarios/*.txt holds spec actions
 * ("> Phase1b a1 0") each followed by what the core answers. The harness keeps the spec's msgs: an action's guard
 * on a message is checked against it, and Phase2a and Learn read every 1b or 2b in it, as the spec does.
 */
class ScriptedScenarioTest {
    private final QuorumSystem quorums = new QuorumSystem(List.of("a1", "a2", "a3"));
    private final Map<String, Acceptor> acceptors = new TreeMap<>();
    private final Map<String, Learner> learners = new TreeMap<>();
    private final List<Proposer> proposers = new ArrayList<>();
    private final Set<Message> msgs = new LinkedHashSet<>();

    @ParameterizedTest
    @ValueSource(strings = {"happy-path.txt", "duel.txt", "crashes.txt"})
    void scenarioRunsAsWritten(String name) throws IOException {
        quorums.acceptors().forEach(a -> acceptors.put(a, new Acceptor(a, AcceptorState.INITIAL)));
        List.of("l1", "l2").forEach(l -> learners.put(l, new Learner(l, quorums)));
        for (int p = 0; p < 2; p++) {
            proposers.add(new Proposer(p, 2, quorums, Ballots.NONE));
        }
        ScenarioScript.assertRunsAsWritten(name, words -> describe(execute(words)));
    }

    private Step<Message> execute(String[] words) {
        String action = words[0];
        switch (action) {
            case "Propose":
                return proposers.get(Integer.parseInt(words[1])).Propose(words[2]);
            case "Phase1a":
                return proposers.get(Integer.parseInt(words[1])).Phase1a(Integer.parseInt(words[2]));
            case "Phase1b": {
                int b = Integer.parseInt(words[2]);
                return msgs.contains(new Message.Msg1a(b)) ? acceptors.get(words[1]).Phase1b(b)
                    : new Step.NotEnabled(action, "[type |-> \"1a\", bal |-> b] \\in msgs");
            }
            case "Phase2a": {
                Proposer p = proposers.get(Integer.parseInt(words[1]));
                msgs.stream().filter(Message.Msg1b.class::isInstance).map(Message.Msg1b.class::cast)
                    .forEach(p::receive);
                return p.Phase2a(words[2]);
            }
            case "Phase2b": {
                int b = Integer.parseInt(words[2]);
                return msgs.contains(new Message.Msg2a(b, words[3])) ? acceptors.get(words[1]).Phase2b(b, words[3])
                    : new Step.NotEnabled(action, "[type |-> \"2a\", bal |-> b, val |-> v] \\in msgs");
            }
            case "Learn": {
                Learner l = learners.get(words[1]);
                msgs.stream().filter(Message.Msg2b.class::isInstance).map(Message.Msg2b.class::cast)
                    .forEach(l::receive);
                return l.Learn(Integer.parseInt(words[2]), words[3]);
            }
            case "ProposerCrash":
                return proposers.get(Integer.parseInt(words[1])).ProposerCrash();
            case "LearnerCrash":
                return learners.get(words[1]).LearnerCrash();
            default:
                throw new IllegalArgumentException("unknown action " + action);
        }
    }

    private String describe(Step<Message> step) {
        if (step instanceof Step.NotEnabled<Message> notEnabled) {
            return "not enabled: " + notEnabled.failedConjunct();
        }
        Step.Ready<Message> ready = (Step.Ready<Message>) step;
        msgs.addAll(ready.send());
        StringBuilder out = new StringBuilder("state " + ready.state());
        ready.persist().ifPresent(d -> out.append("\npersist ").append(d));
        ready.recv().forEach(m -> out.append("\nrecv ").append(m));
        ready.send().forEach(m -> out.append("\nsend ").append(m));
        return out.toString();
    }
}
