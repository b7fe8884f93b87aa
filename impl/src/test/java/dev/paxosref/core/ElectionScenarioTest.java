package dev.paxosref.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The election scenario src/test/resources/scenarios/election.txt, in the style of ScriptedScenarioTest:
 * "> Suspect 1 2 @40" is MultiPaxosElection.tla's Suspect(1, 2) at 40 ms, followed by what LeaderElection answers.
 * The harness keeps the spec's hb: a heartbeat is received only while it is in flight. The spec module's
 * ElectionScenarioSpecTest replays the same file against MultiPaxosElection.tla.
 */
class ElectionScenarioTest {
    private static final String NAME = "election.txt";
    private static final int NODES = 3;
    private static final LeaderElection.Config CONFIG = new LeaderElection.Config(10, 30, 20, 100);
    private final List<LeaderElection> nodes = new ArrayList<>();
    private final List<MultiProposer> proposers = new ArrayList<>();
    private final Set<ElectionStep.Heartbeat> hb = new LinkedHashSet<>();

    @Test
    void scenarioRunsAsWritten() throws IOException {
        QuorumSystem quorums = new QuorumSystem(List.of("a1"));
        for (int p = 0; p < NODES; p++) {
            nodes.add(new LeaderElection(p, NODES, CONFIG));
            proposers.add(new MultiProposer(p, NODES, quorums, List.of("r1"), Ballots.NONE));
        }
        ScenarioScript.assertRunsAsWritten(NAME, this::execute);
    }

    private String execute(String[] words) {
        int p = Integer.parseInt(words[1]);
        long nowMs = Long.parseLong(words[words.length - 1].substring(1));
        LeaderElection node = nodes.get(p);
        switch (words[0]) {
            case "Heartbeat":
                return describe(node.Heartbeat());
            case "ReceiveHeartbeat": {
                ElectionStep.Heartbeat m = new ElectionStep.Heartbeat(Integer.parseInt(words[2]), p);
                if (!hb.contains(m)) {
                    return "not enabled: <<q, p>> \\in hb";
                }
                ElectionStep step = node.ReceiveHeartbeat(m.from(), nowMs);
                if (step.enabled()) {
                    hb.remove(m);
                }
                return describe(step);
            }
            case "Suspect":
                return describe(node.Suspect(Integer.parseInt(words[2]), nowMs));
            case "Crash": {
                ElectionStep step = node.Crash();
                if (step.enabled()) {
                    proposers.get(p).ProposerCrash();
                }
                return describe(step);
            }
            case "Recover":
                return describe(node.Recover());
            case "LeaderPhase1a": {
                Step step = node.LeaderPhase1a(proposers.get(p), Integer.parseInt(words[2]));
                return step instanceof Step.Ready ready ? ready.action().name() + ready.action().params()
                    .toString().replace('{', '(').replace('}', ')')
                    : "not enabled: " + ((Step.NotEnabled) step).failedConjunct();
            }
            default:
                throw new IllegalArgumentException("unknown action " + words[0]);
        }
    }

    private String describe(ElectionStep step) {
        if (step instanceof ElectionStep.NotEnabled notEnabled) {
            return "not enabled: " + notEnabled.failedConjunct();
        }
        ElectionStep.Ready ready = (ElectionStep.Ready) step;
        hb.addAll(ready.send());
        StringBuilder out = new StringBuilder("state " + ready.state());
        ready.send().forEach(m -> out.append("\nsend ").append(m));
        return out.toString();
    }
}
