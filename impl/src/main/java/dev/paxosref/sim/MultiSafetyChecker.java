package dev.paxosref.sim;

import dev.paxosref.core.Configurations;
import dev.paxosref.core.MachineState;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.VoteTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MultiPaxos.tla's Agreement, Validity, LearnedIsChosen, ExecutedIsChosen and NoAckLost over everything that
 * ever happened in the run, crashes or not. Per slot the votes are counted as single-decree Paxos's are (one
 * {@link VoteTally} per slot), and the chosen log's prefix is executed on a reference state machine. Under a
 * reconfiguration, a slot's votes are counted among the acceptors of its configuration (MultiPaxosReconfig.tla's
 * ConfigAt of the chosen log), and every 2a and vote must respect the window: ProposalsInConfig and VotesInConfig.
 */
final class MultiSafetyChecker implements SafetyCheck<MultiMessage> {
    private final QuorumSystem quorums;
    private final Optional<Configurations> reconfiguration;
    private final Map<Integer, VoteTally> votesBySlot = new HashMap<>();
    private final TreeMap<Integer, String> chosenLog = new TreeMap<>();
    /** StateAfter(i) for the chosen prefix 1 .. i; index 0 is the initial state. */
    private final List<MachineState> stateAfter = new ArrayList<>(List.of(MachineState.INITIAL));
    /** A command's result at its first slot in the chosen prefix: the only answer a client may get. */
    private final Map<String, String> resultOfCommand = new HashMap<>();
    private final Set<String> submitted = new HashSet<>();
    private Optional<Violation> violation = Optional.empty();

    MultiSafetyChecker(QuorumSystem quorums) {
        this(quorums, Optional.empty());
    }

    /** quorums names every acceptor, the universe under a reconfiguration. */
    MultiSafetyChecker(QuorumSystem quorums, Optional<Configurations> reconfiguration) {
        this.quorums = quorums;
        this.reconfiguration = reconfiguration;
    }

    @Override
    public void executed(Step.Ready<MultiMessage> ready, long step) {
        String action = ready.action().name();
        Map<String, Object> params = ready.action().params();
        if (action.equals("Submit")) {
            ready.send().forEach(m -> submitted.add(((MultiMessage.Request) m).cmd()));
        }
        for (MultiMessage m : ready.send()) {
            if (m instanceof MultiMessage.Msg2a a2) {
                checkInConfig("ProposalsInConfig", "2a " + a2, a2.to(), a2.slot(), step);
            } else if (m instanceof MultiMessage.Msg2b b2) {
                checkInConfig("VotesInConfig", "vote " + b2, b2.from(), b2.slot(), step);
                vote(b2, step);
            } else if (m instanceof MultiMessage.Decision d && !d.val().equals(chosenLog.get(d.slot()))) {
                fail("LearnedIsChosen", "decision " + d + " but slot " + d.slot() + " chose "
                    + chosenLog.get(d.slot()), step);
            }
        }
        if (action.equals("Execute") || action.equals("ReplicaCrash")) {
            checkExecuted((MachineState) ready.state().get("sm"), params.get("r") + "'s sm", step);
        } else if (action.equals("Snapshot")) {
            checkExecuted((MachineState) ready.state().get("snap"), params.get("r") + "'s snap", step);
        } else if (action.equals("ReceiveReply")) {
            String cmd = (String) params.get("cmd");
            if (!params.get("n").equals(resultOfCommand.get(cmd))) {
                fail("NoAckLost", "acknowledged " + cmd + " -> " + params.get("n") + " but the chosen log gives "
                    + resultOfCommand.get(cmd), step);
            }
        }
    }

    /** Slot s's acceptors: all, or the configuration the chosen log names once slots 1 .. s - Alpha are chosen. */
    private Optional<Set<String>> configurationAt(int s) {
        if (reconfiguration.isEmpty()) {
            return Optional.of(Set.copyOf(quorums.acceptors()));
        }
        Configurations configs = reconfiguration.get();
        return configs.knowsConfigAt(chosenLog, s) ? Optional.of(configs.configAt(chosenLog, s)) : Optional.empty();
    }

    /** A 2a or vote at slot s only once slots 1 .. s - Alpha are chosen, and only to or by a member of s's configuration. */
    private void checkInConfig(String property, String what, String acceptor, int s, long step) {
        Optional<Set<String>> members = configurationAt(s);
        if (members.isEmpty()) {
            fail(property, what + " before slots 1.." + (s - reconfiguration.orElseThrow().alpha()) + " were chosen",
                step);
        } else if (!members.get().contains(acceptor)) {
            fail(property, what + " but slot " + s + "'s configuration is " + members.get(), step);
        }
    }

    private void vote(MultiMessage.Msg2b b2, long step) {
        Optional<Set<String>> members = configurationAt(b2.slot());
        if (members.isEmpty() || !members.get().contains(b2.from())) {
            return; // VotesInConfig failed already
        }
        VoteTally tally = votesBySlot.computeIfAbsent(b2.slot(),
            s -> new VoteTally(new QuorumSystem(members.get().stream().sorted().toList())));
        tally.add(new Message.Msg2b(b2.from(), b2.bal(), b2.val()));
        Set<String> chosen = tally.chosen();
        if (chosen.size() > 1) {
            fail("Agreement", "slot " + b2.slot() + " chose " + chosen, step);
            return;
        }
        if (chosen.isEmpty() || chosenLog.containsKey(b2.slot())) {
            return;
        }
        String v = chosen.iterator().next();
        if (!v.equals(MultiMessage.NO_OP) && !submitted.contains(v)) {
            fail("Validity", "slot " + b2.slot() + " chose " + v + ", never submitted", step);
        }
        chosenLog.put(b2.slot(), v);
        extendStateAfter();
    }

    private void extendStateAfter() {
        while (chosenLog.containsKey(stateAfter.size())) {
            String v = chosenLog.get(stateAfter.size());
            MachineState.Applied applied = stateAfter.get(stateAfter.size() - 1).apply(v);
            stateAfter.add(applied.next());
            applied.reply().ifPresent(r -> resultOfCommand.putIfAbsent(r.cmd(), r.result()));
        }
    }

    /** ExecutedIsChosen: a replica's state is the reference state after the same chosen prefix. */
    private void checkExecuted(MachineState sm, String what, long step) {
        if (sm.idx() >= stateAfter.size() || !stateAfter.get(sm.idx()).equals(sm)) {
            fail("ExecutedIsChosen", what + " " + sm + " is not the state after the chosen prefix 1.."
                + sm.idx() + " (chosen: " + MultiPaxosTimeline.describe(chosenLog) + ")", step);
        }
    }

    private void fail(String property, String detail, long step) {
        if (violation.isEmpty()) {
            violation = Optional.of(new Violation(property, detail, step));
        }
    }

    /** The first property the run so far broke, if any, recorded at the step that broke it. */
    @Override
    public Optional<Violation> violation(long step) {
        return violation;
    }

    /** The chosen log, slot to value, for reports. */
    SortedMap<Integer, String> chosenLog() {
        return new TreeMap<>(chosenLog);
    }
}
