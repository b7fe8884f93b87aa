package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core driven by arbitrary schedules over the spec's network (msgs: every message ever sent, deliverable any
 * number of times in any order). jqwik shrinks a failing schedule to a short one.
 */
class RandomScheduleTest {
    private static final int SCHEDULE_LENGTH_MAX = 200;
    /** Schedules tried per injected bug; each is found far sooner (the test prints when). */
    private static final int SCHEDULES_PER_BUG_MAX = 20_000;

    @Property(tries = 1000)
    void agreementValidityAndLearnedIsChosenHoldOnEverySchedule(
        @ForAll @Size(max = SCHEDULE_LENGTH_MAX) List<@IntRange(min = 0, max = 1_000_000) Integer> schedule) {
        assertEquals(Optional.empty(), new Harness(Mutants.NONE).run(schedule));
    }

    /**
     * The schedules have teeth: each bug the core can be built with breaks a property on some schedule, but those
     * these schedules cannot show: a lost disk write (they have no disk), an acceptor that sends its vote again (a
     * set network holds it already), and the Multi-Paxos replica's and reconfiguration leader's bugs.
     */
    @ParameterizedTest
    @EnumSource(value = Mutant.class, mode = EnumSource.Mode.EXCLUDE, names = {"ACCEPTOR_SKIPS_PERSIST",
        "LEADER_IGNORES_WINDOW", "ACCEPTOR_RESENDS_VOTE", "REPLICA_DROPS_RETRY_REPLY", "REPLICA_KEEPS_SNAPSHOTTED_LOG"})
    void randomSchedulesCatchEveryInjectedBug(Mutant bug) {
        SplittableRandom random = new SplittableRandom(bug.ordinal());
        for (int tried = 1; tried <= SCHEDULES_PER_BUG_MAX; tried++) {
            List<Integer> schedule = new ArrayList<>();
            for (int i = 0; i < SCHEDULE_LENGTH_MAX; i++) {
                schedule.add(random.nextInt(1_000_001));
            }
            Optional<String> violation = new Harness(new Mutants(Set.of(bug))).run(schedule);
            if (violation.isPresent()) {
                System.out.printf("%s caught by schedule %d: %s%n", bug, tried, violation.get());
                return;
            }
        }
        throw new AssertionError(bug + " survived " + SCHEDULES_PER_BUG_MAX + " schedules");
    }

    /** One run from Init: three acceptors, two proposers, two learners, values x and y. */
    private static final class Harness {
        private static final List<String> ACCEPTORS = List.of("a1", "a2", "a3");
        private static final int NUM_PROPOSERS = 2;
        private static final List<String> VALUES = List.of("x", "y");
        /** Deliveries outweigh crashes, which undo progress, so that schedules reach phase 2 often. */
        private static final int[] KIND_OF_CHOICE = {0, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 0, 1, 2, 3, 4, 6, 7};

        private final QuorumSystem quorums = new QuorumSystem(ACCEPTORS);
        private final List<AcceptorRole> acceptors = new ArrayList<>();
        private final List<ProposerRole> proposers = new ArrayList<>();
        private final List<LearnerRole> learners = new ArrayList<>();
        private final Set<Message> msgs = new LinkedHashSet<>();
        private final Set<String> proposed = new HashSet<>();
        private final Set<String> learnedEver = new HashSet<>();
        private final Map<Integer, String> valueOf2aBallot = new HashMap<>();

        Harness(Mutants mutants) {
            ACCEPTORS.forEach(a -> acceptors.add(mutants.acceptor(a, AcceptorState.INITIAL)));
            for (int p = 0; p < NUM_PROPOSERS; p++) {
                proposers.add(mutants.proposer(p, NUM_PROPOSERS, quorums, Ballots.NONE));
            }
            List.of("l1", "l2").forEach(l -> learners.add(mutants.learner(l, quorums)));
        }

        /** The first property the schedule breaks, if any. */
        Optional<String> run(List<Integer> schedule) {
            for (int choice : schedule) {
                execute(choice);
                Optional<String> violation = brokenInvariant();
                if (violation.isPresent()) {
                    return violation;
                }
            }
            return Optional.empty();
        }

        private void execute(int choice) {
            int kind = KIND_OF_CHOICE[choice % KIND_OF_CHOICE.length];
            int arg = choice / KIND_OF_CHOICE.length;
            // the role comes from the low digits of arg, the message or value from the rest
            ProposerRole p = proposers.get(arg % NUM_PROPOSERS);
            AcceptorRole a = acceptors.get(arg % ACCEPTORS.size());
            LearnerRole l = learners.get(arg % learners.size());
            arg /= NUM_PROPOSERS * ACCEPTORS.size() * learners.size();
            switch (kind) {
                case 0 -> record(p.Propose(VALUES.get(arg % VALUES.size())));
                case 1 -> record(p.Phase1a(Ballots.nextOwnedAbove(p.id(), p.pBal() + arg % 3, NUM_PROPOSERS)));
                case 2 -> pick(Message.Msg1a.class, arg).forEach(m -> record(a.Phase1b(m.bal())));
                case 3 -> pick(Message.Msg1b.class, arg).forEach(m -> {
                    ProposerRole owner = proposers.get(Ballots.owner(m.bal(), NUM_PROPOSERS));
                    owner.receive(m);
                    owner.valueToPropose().ifPresent(v -> record(owner.Phase2a(v)));
                });
                case 4 -> pick(Message.Msg2a.class, arg).forEach(m -> record(a.Phase2b(m.bal(), m.val())));
                case 5 -> pick(Message.Msg2b.class, arg).forEach(m -> {
                    l.receive(m);
                    record(l.Learn(m.bal(), m.val()));
                });
                case 6 -> record(p.ProposerCrash());
                default -> record(l.LearnerCrash());
            }
        }

        /**
         * One message of the type from msgs, chosen by arg; none if msgs has none of that type. Half the picks take
         * one of the three latest, as a network mostly delivers recent messages; the rest reach back to any.
         */
        private <M extends Message> List<M> pick(Class<M> type, int arg) {
            List<M> candidates = msgs.stream().filter(type::isInstance).map(type::cast).toList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            int index = arg % 2 == 0
                ? candidates.size() - 1 - (arg / 2) % Math.min(3, candidates.size())
                : (arg / 2) % candidates.size();
            return List.of(candidates.get(index));
        }

        private void record(Step step) {
            if (step instanceof Step.Ready ready) {
                msgs.addAll(ready.send());
                String name = ready.action().name();
                Object v = ready.action().params().get("v");
                if (name.equals("Propose")) {
                    proposed.add((String) v);
                } else if (name.equals("Learn")) {
                    learnedEver.add((String) v);
                }
            }
        }

        private Optional<String> brokenInvariant() {
            VoteTally votes = new VoteTally(quorums);
            for (Message m : msgs) {
                if (m instanceof Message.Msg2b b2) {
                    votes.add(b2);
                } else if (m instanceof Message.Msg2a a2) {
                    String earlier = valueOf2aBallot.putIfAbsent(a2.bal(), a2.val());
                    if (earlier != null && !earlier.equals(a2.val())) {
                        return Optional.of("MsgInv: two 2a in ballot " + a2.bal());
                    }
                }
            }
            Set<String> chosen = votes.chosen();
            if (chosen.size() > 1) {
                return Optional.of("Agreement: chosen = " + chosen);
            }
            if (!proposed.containsAll(chosen)) {
                return Optional.of("Validity: chosen " + chosen + ", proposed " + proposed);
            }
            if (!chosen.containsAll(learnedEver)) {
                return Optional.of("LearnedIsChosen: learned " + learnedEver + ", chosen " + chosen);
            }
            return Optional.empty();
        }
    }
}
