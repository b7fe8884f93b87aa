package dev.paxosref.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.Configurations;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.MultiAcceptor;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposer;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.ReplicaDurable;
import dev.paxosref.core.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The node over port doubles: what it sends where, and when it starts a ballot, with nothing else running. */
class MultiPaxosNodeTest {
    private static final List<String> ACCEPTORS = List.of("a1", "a2", "a3");
    private static final List<String> REPLICAS = List.of("r1", "r2", "r3");
    private static final MultiPaxosNode.Config CONFIG = new MultiPaxosNode.Config(3, ACCEPTORS, REPLICAS,
        new LeaderElection.Config(30, 100, 50, 800), 80, 100, 40, Optional.empty());

    /** Every send as "to: message", every committed action by name; time is set by the test. */
    private final List<String> sent = new ArrayList<>();
    /** The cluster's configuration: CONFIG unless a test reconfigures. */
    private MultiPaxosNode.Config config = CONFIG;
    private final List<String> committed = new ArrayList<>();
    private long nowMs;
    private MultiPaxosNode node;

    private MultiPaxosNode node(int index) {
        Transport<MultiMessage> transport = new Transport<>() {
            @Override
            public void toNode(int to, MultiMessage message) {
                sent.add(to + ": " + message);
            }

            @Override
            public void toClient(String clientId, MultiMessage message) {
                sent.add(clientId + ": " + message);
            }

            @Override
            public void heartbeat(int to) {
                sent.add(to + ": heartbeat");
            }
        };
        MultiPaxosRoles roles = new MultiPaxosRoles() {
            @Override
            public MultiAcceptorRole acceptor(MultiAcceptorDurable recovered) {
                return new MultiAcceptor(ACCEPTORS.get(index), REPLICAS, recovered);
            }

            @Override
            public MultiProposerRole proposer(int pBalRecovered) {
                return new MultiProposer(index, 3, new QuorumSystem(ACCEPTORS), REPLICAS, pBalRecovered);
            }

            @Override
            public MultiReplicaRole replica(MultiReplica built) {
                return built;
            }
        };
        Persistence<MultiMessage> persistence = step -> {
            if (step instanceof Step.Ready<MultiMessage> ready) {
                committed.add(ready.action().name());
                ready.send().forEach(m -> node.route(m));
                return true;
            }
            return false;
        };
        node = new MultiPaxosNode(index, config, roles,
            new Ports<>(transport, persistence, () -> nowMs, bound -> 0),
            new MultiPaxosDurable(MultiAcceptorDurable.INITIAL, -1, ReplicaDurable.INITIAL));
        node.start();
        return node;
    }

    @Test
    void aHeartbeatGoesToEveryOtherNodeAndTheTimerComesBackAfterItsPeriod() {
        long periodMs = node(1).onTimer(Timer.HEARTBEAT);
        assertEquals(List.of("0: heartbeat", "2: heartbeat"), sent);
        assertEquals(30, periodMs);
    }

    @Test
    void theHighestIdStartsABallotAndEachOneAGoesToItsAcceptorsNode() {
        long periodMs = node(2).onTimer(Timer.PROPOSER);
        assertEquals(80, periodMs);
        assertEquals(List.of("Phase1a"), committed);
        assertEquals(List.of("0: Msg1a[to=a1, bal=2]", "1: Msg1a[to=a2, bal=2]", "2: Msg1a[to=a3, bal=2]"), sent);
    }

    @Test
    void aNodeThatHearsAHigherIdForwardsRequestsToItAndStartsNoBallot() {
        MultiPaxosNode n = node(0);
        n.onHeartbeat(2);
        n.onTimer(Timer.PROPOSER);
        assertTrue(committed.isEmpty(), "node 0 does not lead while node 2 is alive: " + committed);
        n.onMessage(new MultiMessage.Request("c1|1|incr"));
        assertEquals(List.of("2: Request[cmd=c1|1|incr]"), sent);
        nowMs = 100;
        n.onTimer(Timer.PROPOSER);
        assertEquals(List.of("Phase1a"), committed, "once node 2's lease ran out, node 0 leads");
    }

    /** Node 2 leads ballot 2 with a1's and a2's promises; what that took is forgotten. */
    private MultiPaxosNode leader() {
        MultiPaxosNode n = node(2);
        n.onTimer(Timer.PROPOSER);
        n.onMessage(new MultiMessage.Msg1b("a1", 2, 1, List.of()));
        n.onMessage(new MultiMessage.Msg1b("a2", 2, 1, List.of()));
        sent.clear();
        committed.clear();
        return n;
    }

    @Test
    void theRetransmitTimerResendsTheBallotsMissing1aAndComesBackAfterItsPeriod() {
        MultiPaxosNode n = node(2);
        n.onTimer(Timer.PROPOSER);
        n.onMessage(new MultiMessage.Msg1b("a2", 2, 1, List.of()));
        sent.clear();
        assertEquals(100, n.onTimer(Timer.RETRANSMIT));
        assertEquals(List.of("Phase1a", "ReceivePromise", "Retransmit"), committed);
        assertEquals(List.of("0: Msg1a[to=a1, bal=2]", "2: Msg1a[to=a3, bal=2]"), sent);
    }

    @Test
    void aLeaderInPhase2NeitherRestartsNorStartsABallotWhenItsProposerTimerFires() {
        MultiPaxosNode n = leader();
        n.onMessage(new MultiMessage.Request("c1|1|incr"));
        nowMs = 1_000;
        n.onTimer(Timer.PROPOSER);
        assertEquals(List.of("Propose"), committed, "its undecided slot is retransmitted, not abandoned");
    }

    @Test
    void aReplicaWithAGapAsksEveryProposerForItsNextSlotAndAProposerAnswersWithItsDecision() {
        MultiPaxosNode n = leader();
        n.onMessage(new MultiMessage.Decision("r3", 2, MultiMessage.NO_OP));
        n.onTimer(Timer.RETRANSMIT);
        assertEquals(List.of("ReceiveDecision", "RequestCatchUp"), committed);
        assertEquals(List.of("0: CatchUp[from=r3, to=0, slot=1]", "1: CatchUp[from=r3, to=1, slot=1]",
            "2: CatchUp[from=r3, to=2, slot=1]"), sent);
        sent.clear();
        n.onMessage(new MultiMessage.Request("c1|1|incr"));
        n.onMessage(new MultiMessage.Msg2b("a1", 2, 1, "c1|1|incr", 1));
        n.onMessage(new MultiMessage.Msg2b("a2", 2, 1, "c1|1|incr", 1));
        sent.clear();
        n.onMessage(new MultiMessage.CatchUp("r1", 2, 1));
        assertEquals("ReceiveCatchUp", committed.get(committed.size() - 1));
        assertEquals(List.of("0: Decision[to=r1, slot=1, val=c1|1|incr]"), sent);
    }

    @Test
    void aPromiseGoesBackToTheBallotsOwner() {
        node(0).onMessage(new MultiMessage.Msg1a("a1", 5));
        assertEquals(List.of("Phase1b"), committed);
        assertEquals(List.of("2: Msg1b[from=a1, bal=5, low=1, votes=[]]"), sent);
    }

    /** Slots 1..4 decided and executed: the fourth is when a replica snapshots (SNAPSHOT_EVERY_SLOTS). */
    private void executeFourSlots(MultiPaxosNode n) {
        for (int s = 1; s <= 4; s++) {
            n.onMessage(new MultiMessage.Decision("r1", s, MultiMessage.NO_OP));
        }
    }

    @Test
    void aReplicaSnapshotsEveryFourSlotsButKeepsAReconfigurableLogWhole() {
        executeFourSlots(node(0));
        assertEquals(1, committed.stream().filter("Snapshot"::equals).count(), committed.toString());
        committed.clear();
        config = new MultiPaxosNode.Config(3, ACCEPTORS, REPLICAS, CONFIG.election(), 80, 100, 40,
            Optional.of(new Configurations(new TreeSet<>(ACCEPTORS), 1)));
        executeFourSlots(node(0));
        assertEquals(List.of("ReceiveDecision", "Execute", "ReceiveDecision", "Execute", "ReceiveDecision", "Execute",
            "ReceiveDecision", "Execute"), committed, "MultiPaxosReconfig.tla has no compaction");
    }
}
