package dev.paxosref.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.Learner;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The single-decree node over port doubles and the node layer's own persistence (PersistThenSend on a
 * MemoryStorage): what it sends where, what it writes before, and whom it answers.
 */
class PaxosNodeTest {
    private static final List<String> ACCEPTORS = List.of("a1", "a2", "a3");
    private static final QuorumSystem QUORUMS = new QuorumSystem(ACCEPTORS);
    private static final PaxosNode.Config CONFIG =
        new PaxosNode.Config(3, new LeaderElection.Config(30, 100, 50, 800), 80, 100, 40);
    private static final String VALUE = "c1|1|incr";

    /** Every send as "to: message" and every answer as "value -> result"; committed actions by name. */
    private final List<String> sent = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();
    /** The proposer's pBal on the disk when each message left. */
    private final List<Integer> pBalOnDiskAtSend = new ArrayList<>();
    private final MemoryStorage disk = new MemoryStorage();
    private final PaxosStore store = new PaxosStore(disk);
    private PaxosNode node;

    private PaxosNode node(int index) {
        Transport<Message> transport = new Transport<>() {
            @Override
            public void toNode(int to, Message message) {
                pBalOnDiskAtSend.add(store.recover().pBal());
                sent.add(to + ": " + message);
            }

            @Override
            public void toClient(String clientId, Message message) {
                throw new AssertionError("a single-decree client is answered through Answers");
            }

            @Override
            public void heartbeat(int to) {
                sent.add(to + ": heartbeat");
            }
        };
        PaxosRoles roles = new PaxosRoles() {
            @Override
            public AcceptorRole acceptor(AcceptorState recovered) {
                return new Acceptor(ACCEPTORS.get(index), recovered);
            }

            @Override
            public ProposerRole proposer(int pBalRecovered) {
                return new Proposer(index, 3, QUORUMS, pBalRecovered);
            }

            @Override
            public LearnerRole learner() {
                return new Learner("l" + (index + 1), QUORUMS);
            }
        };
        PersistThenSend<Message> persistence = new PersistThenSend<>(store, new PersistThenSend.Outcome<>() {
            @Override
            public void executed(Step.Ready<Message> ready) {
                committed.add(ready.action().name());
            }

            @Override
            public void send(Message message) {
                node.route(message);
            }

            @Override
            public void crashedDuringWrite() {
                throw new AssertionError("this disk completes every sync");
            }
        });
        PaxosNode.Answers answers = (value, result) -> sent.add(value + " -> " + result);
        node = new PaxosNode(index, CONFIG, roles, new Ports<>(transport, persistence, () -> 0, bound -> 0), answers,
            store.recover());
        node.start();
        return node;
    }

    @Test
    void theHighestIdStartsABallotWhose1aGoesToEveryNodeOnlyOnceItsBallotIsOnDisk() {
        assertEquals(80, node(2).onTimer(Timer.PROPOSER));
        assertEquals(List.of("Phase1a"), committed);
        assertEquals(List.of("0: Msg1a[bal=2]", "1: Msg1a[bal=2]", "2: Msg1a[bal=2]"), sent);
        assertEquals(List.of(2, 2, 2), pBalOnDiskAtSend);
    }

    @Test
    void aPromiseGoesToTheBallotsOwnerOnly() {
        node(0).onMessage(new Message.Msg1a(5));
        assertEquals(List.of("Phase1b"), committed);
        assertEquals(List.of("2: Msg1b[acc=a1, bal=5, mbal=-1, mval=null]"), sent);
        assertEquals(new AcceptorState(5, -1, null), store.recover().acceptor());
    }

    @Test
    void aClientIsAnsweredOnceLearnedAndTheRetransmitTimerResendsTheQuorumLearnedFrom() {
        PaxosNode n = node(2);
        n.onRequest(VALUE);
        n.onMessage(new Message.Msg2b("a1", 2, VALUE));
        assertEquals(Optional.empty(), n.learned());
        n.onMessage(new Message.Msg2b("a2", 2, VALUE));
        assertEquals(Optional.of(VALUE), n.learned());
        assertEquals(List.of("Propose", "Learn"), committed);
        assertEquals(List.of(VALUE + " -> 1"), sent, "the increment's result, to the client the value names");
        sent.clear();
        n.onTimer(Timer.RETRANSMIT);
        assertEquals(6, sent.size(), "two votes to each of three nodes: " + sent);
        assertTrue(sent.contains("0: Msg2b[acc=a2, bal=2, val=" + VALUE + "]"), sent::toString);
    }

    @Test
    void aRestartTakesTheSpecsCrashActionsAndKeepsWhatTheDiskHolds() {
        PaxosNode n = node(1);
        n.onMessage(new Message.Msg1a(4));
        committed.clear();
        n.restart(store.recover());
        assertEquals(List.of("ProposerCrash", "LearnerCrash"), committed);
        sent.clear();
        n.onMessage(new Message.Msg1a(3));
        assertEquals(List.of(), sent, "the promise to ballot 4 survived the restart");
    }
}
