package dev.paxosref.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.Ballots;
import dev.paxosref.core.Configurations;
import dev.paxosref.core.MultiAcceptor;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiClient;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.ReconfigProposer;
import dev.paxosref.core.ReplicaDurable;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * MultiPaxosReconfig.tla's roles driven by arbitrary schedules over the spec's network (every message ever sent,
 * deliverable any number of times in any order, so loss, duplication and reordering), with proposer crashes: two
 * leaders, a1..a3 serving first, a4 added and then a1 removed, Alpha 1 or 2. After every step the simulator's
 * checker evaluates the spec's Agreement, Validity, LearnedIsChosen, ExecutedIsChosen, NoAckLost and the window's
 * ProposalsInConfig and VotesInConfig on what the roles did. jqwik draws fresh schedules on every run and shrinks a
 * failing one.
 */
class ReconfigScheduleTest {
    private static final int SCHEDULE_LENGTH_MAX = 600;
    private static final int SCHEDULES_FOR_THE_MUTANT_MAX = 2_000;

    @Property(tries = 200)
    void everyScheduleKeepsTheReconfigurationInvariants(
        @ForAll @IntRange(min = 1, max = 2) int alpha,
        @ForAll @Size(max = SCHEDULE_LENGTH_MAX) List<@IntRange(min = 0, max = 1_000_000) Integer> schedule) {
        assertEquals(Optional.empty(), new Harness(alpha, Mutants.NONE).run(schedule));
    }

    /**
     * The schedules reach the move: on some, a1's removal is chosen and a command after it too (3 of these 300;
     * the simulator's reconfig profile reaches it on every seed).
     */
    @Test
    void someSchedulesChooseBothMovesAndACommandUnderTheNewConfiguration() {
        SplittableRandom random = new SplittableRandom(2);
        int moved = 0;
        for (int tried = 0; tried < 300; tried++) {
            Harness harness = new Harness(1, Mutants.NONE);
            assertEquals(Optional.empty(), harness.run(randomSchedule(random)));
            moved += harness.choseACommandAfterTheRemoval() ? 1 : 0;
        }
        System.out.printf("%d of 300 schedules chose a command after a1's removal%n", moved);
        assertTrue(moved > 0);
    }

    private static List<Integer> randomSchedule(SplittableRandom random) {
        List<Integer> schedule = new ArrayList<>();
        for (int i = 0; i < SCHEDULE_LENGTH_MAX; i++) {
            schedule.add(random.nextInt(1_000_001));
        }
        return schedule;
    }

    /** The schedules have teeth: a leader that ignores the window breaks ProposalsInConfig on some schedule. */
    @Test
    void aLeaderThatIgnoresTheWindowBreaksProposalsInConfig() {
        SplittableRandom random = new SplittableRandom(1);
        for (int tried = 1; tried <= SCHEDULES_FOR_THE_MUTANT_MAX; tried++) {
            Optional<Violation> violation =
                new Harness(1, new Mutants(Set.of(Mutant.LEADER_IGNORES_WINDOW))).run(randomSchedule(random));
            if (violation.isPresent()) {
                System.out.printf("LEADER_IGNORES_WINDOW caught by schedule %d: %s%n", tried, violation.get());
                assertTrue(violation.get().property().endsWith("InConfig"), violation.get().toString());
                return;
            }
        }
        throw new AssertionError("LEADER_IGNORES_WINDOW survived " + SCHEDULES_FOR_THE_MUTANT_MAX + " schedules");
    }

    /** One run from Init over the universe a1..a4. */
    private static final class Harness {
        private static final List<String> UNIVERSE = List.of("a1", "a2", "a3", "a4");
        private static final List<String> REPLICAS = List.of("r1");
        private static final int PROPOSERS = 2;
        /** Kinds of step: a ballot, a retransmission, a crash, a replica's step, and twelve kinds of delivery. */
        private static final int KINDS = 16;
        private static final int RECENT = 8;

        private final Configurations configs;
        private final Mutants mutants;
        private final MultiSafetyChecker safety;
        private final Map<String, MultiAcceptor> acceptors = new TreeMap<>();
        private final List<ReconfigProposer> proposers = new ArrayList<>();
        private final MultiReplica replica = new MultiReplica("r1", UNIVERSE, PROPOSERS, ReplicaDurable.INITIAL);
        private final List<String> commands;
        private final Set<MultiMessage> msgs = new LinkedHashSet<>();
        private final List<MultiMessage> inOrder = new ArrayList<>();
        private long steps;

        Harness(int alpha, Mutants mutants) {
            this.configs = new Configurations(new TreeSet<>(UNIVERSE.subList(0, 3)), alpha);
            this.mutants = mutants;
            this.safety = new MultiSafetyChecker(new QuorumSystem(UNIVERSE), Optional.of(configs));
            UNIVERSE.forEach(a -> acceptors.put(a, new MultiAcceptor(a, REPLICAS, MultiAcceptorDurable.INITIAL)));
            for (int p = 0; p < PROPOSERS; p++) {
                proposers.add(proposer(p, Ballots.NONE));
            }
            this.commands = List.of(request("c1", new Command.Increment()), request("c2", new Command.Increment()),
                request("c3", new Command.Reconfig(new TreeSet<>(UNIVERSE))),
                request("c4", new Command.Reconfig(new TreeSet<>(UNIVERSE.subList(1, 4)))),
                request("c5", new Command.Increment()), request("c6", new Command.Increment()));
        }

        private ReconfigProposer proposer(int p, int pBal) {
            return (ReconfigProposer) mutants.reconfigProposer(p, PROPOSERS, new QuorumSystem(UNIVERSE), REPLICAS,
                pBal, configs);
        }

        private static String request(String client, Command command) {
            return CommandCodec.encode(new ClientRequest(client, 1, command));
        }

        /** The chosen log holds the removal of a1 and, at a later slot, a command other than NoOp. */
        boolean choseACommandAfterTheRemoval() {
            Map<Integer, String> chosen = safety.chosenLog();
            return chosen.entrySet().stream().filter(e -> e.getValue().equals(commands.get(3))).anyMatch(removal ->
                chosen.entrySet().stream().anyMatch(e -> e.getKey() > removal.getKey()
                    && !e.getValue().equals(MultiMessage.NO_OP)));
        }

        Optional<Violation> run(List<Integer> schedule) {
            for (String c : commands) {
                ClientRequest request = CommandCodec.decode(c);
                take(new MultiClient(request.clientId()).Submit(request.command()));
            }
            for (int choice : schedule) {
                act(choice);
                if (safety.violation(0).isPresent()) {
                    return safety.violation(0);
                }
            }
            return Optional.empty();
        }

        /** One step: a proposer's timer or crash, a replica's, or the receipt of any message ever sent. */
        private void act(int choice) {
            ReconfigProposer p = proposers.get(choice % PROPOSERS);
            // Most steps deliver a message: a crash or a new ballot on every sixth step would rarely let a move finish.
            switch ((choice / PROPOSERS) % KINDS) {
                case 0 -> take(p.Phase1a(Ballots.nextOwnedAbove(proposers.indexOf(p), p.pBal(), PROPOSERS)));
                case 1 -> take(p.Retransmit());
                case 2 -> crash(proposers.indexOf(p));
                case 3 -> {
                    Step<MultiMessage> executed = replica.Execute();
                    take(executed.enabled() ? executed : replica.RequestCatchUp());
                }
                default -> {
                    if (!inOrder.isEmpty()) {
                        deliver(inOrder.get(pick(choice / (PROPOSERS * KINDS))));
                    }
                }
            }
        }

        /** Any message ever sent, or (every other time) one of the last few, so that runs move on. */
        private int pick(int draw) {
            int window = draw % 2 == 0 ? inOrder.size() : Math.min(RECENT, inOrder.size());
            return inOrder.size() - 1 - (draw / 2) % window;
        }

        private void crash(int p) {
            ReconfigProposer restarted = proposer(p, proposers.get(p).pBal());
            proposers.set(p, restarted);
            take(restarted.ProposerCrash());
        }

        // Java 17 has no pattern switch; the chain covers every message the roles here send or receive.
        private void deliver(MultiMessage m) {
            if (m instanceof MultiMessage.Request x) {
                proposers.forEach(p -> take(p.Propose(x.cmd())));
            } else if (m instanceof MultiMessage.Msg1a x) {
                MultiAcceptor a = acceptors.get(x.to());
                Step<MultiMessage> promise = a.Phase1b(x.bal());
                take(promise.enabled() ? promise : a.Reject1a(x.bal()));
            } else if (m instanceof MultiMessage.Msg1b x) {
                take(proposers.get(Ballots.owner(x.bal(), PROPOSERS)).ReceivePromise(x));
            } else if (m instanceof MultiMessage.Msg2a x) {
                MultiAcceptor a = acceptors.get(x.to());
                Step<MultiMessage> vote = a.Phase2b(x.bal(), x.slot(), x.val());
                take(vote.enabled() ? vote : a.Reject2a(x.bal(), x.slot(), x.val()));
            } else if (m instanceof MultiMessage.Msg2b x) {
                take(proposers.get(Ballots.owner(x.bal(), PROPOSERS)).ReceiveAccepted(x.from(), x.bal(), x.slot(),
                    x.val(), x.low()));
            } else if (m instanceof MultiMessage.Preempted x) {
                take(proposers.get(Ballots.owner(x.bal(), PROPOSERS)).Preempted(x.bal(), x.higher()));
            } else if (m instanceof MultiMessage.Decision x) {
                take(replica.ReceiveDecision(x.slot(), x.val()));
            } else if (m instanceof MultiMessage.CatchUp x) {
                take(proposers.get(x.to()).ReceiveCatchUp(x.from(), x.slot()));
            }
        }

        private void take(Step<MultiMessage> step) {
            if (step instanceof Step.Ready<MultiMessage> ready) {
                steps++;
                safety.executed(ready, steps);
                ready.send().stream().filter(msgs::add).forEach(inOrder::add);
            }
        }
    }
}
