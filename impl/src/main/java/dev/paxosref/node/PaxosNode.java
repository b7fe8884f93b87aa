package dev.paxosref.node;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.core.rsm.Replica;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One single-decree Paxos process: a proposer, an acceptor and a learner of Paxos.tla, and what every deployment
 * needs around them: routing, timers as input events, the election's actions, retransmission, and answering the
 * clients that asked for a value. Like {@link MultiPaxosNode} it talks to the world only through its ports.
 *
 * <p>The leader in the election's view starts a ballot when it has none or its ballot has not decided within the
 * phase timeout; a ballot pre-empted by a higher one backs off first. The retransmit timer re-sends the last 2a
 * (for acceptors that missed it) and the last 2b (for learners), and, once learned, the quorum of 2b messages
 * learned from, so that every learner learns the same: every message stays in the spec's msgs forever, so sending
 * one again is never a new action.
 */
public final class PaxosNode implements Node<Message, PaxosDurable> {
    private static final Set<String> RETRANSMITTED_TYPES = Set.of("2a", "2b");

    /** The cluster's size and the node's timing, in milliseconds. */
    public record Config(int nodeCount, LeaderElection.Config election, long phaseTimeoutMs, long retransmitMs,
                         long jitterMsMax) {
    }

    /** The node's port to its clients: the decision's answer to a value asked for (the value names its client). */
    public interface Answers {
        /** {@code result} is the value's result if it was chosen, else null. */
        void answer(String value, String result);
    }

    private final int index;
    private final Config config;
    private final PaxosRoles roles;
    private final Ports<Message> ports;
    private final Answers answers;
    private final LeaderElection election;
    private final Heartbeats heartbeats;
    private final LearnerRole learner;
    private AcceptorRole acceptor;
    private ProposerRole proposer;
    private long ballotStartedAtMs;
    private int ballotPreempted = Ballots.NONE;
    private final Map<String, Message> outboxByType = new LinkedHashMap<>();
    /** The quorum of 2b messages our learner learned from; forwarding them lets every learner learn the same. */
    private List<Message> learnedFrom = List.of();
    /** Values clients asked for and were not answered yet, in the order asked. */
    private final Set<String> asked = new LinkedHashSet<>();
    private String decidedResult;

    /** A node built from what its storage holds (the durable Init on a fresh disk); {@link #start} boots it. */
    public PaxosNode(int index, Config config, PaxosRoles roles, Ports<Message> ports, Answers answers,
                     PaxosDurable durable) {
        this.index = index;
        this.config = config;
        this.roles = roles;
        this.ports = ports;
        this.answers = answers;
        this.election = new LeaderElection(index, config.nodeCount(), config.election());
        this.heartbeats = new Heartbeats(election, ports, config.election().heartbeatIntervalMs());
        this.learner = roles.learner();
        recover(durable);
    }

    public Optional<String> learned() {
        return learner.learned();
    }

    /** The acceptor's last vote is re-sent by the retransmit timer, for the learners that missed it. */
    @Override
    public void start() {
        election.Recover();
        acceptor.lastVote().ifPresent(this::remember);
    }

    /** The election stops (MultiPaxosElection.tla's Crash) and the spec sees the two crash actions. */
    @Override
    public void restart(PaxosDurable durable) {
        election.Crash();
        recover(durable);
        commit(proposer.ProposerCrash());
        commit(learner.LearnerCrash());
        ballotStartedAtMs = 0;
        ballotPreempted = Ballots.NONE;
        outboxByType.clear();
        learnedFrom = List.of();
        asked.clear();
        decidedResult = null;
    }

    private void recover(PaxosDurable durable) {
        acceptor = roles.acceptor(durable.acceptor());
        proposer = roles.proposer(durable.pBal());
    }

    @Override
    public void onHeartbeat(int from) {
        heartbeats.receive(from);
    }

    @Override
    public void onMessage(Message message) {
        if (message instanceof Message.Msg1a m) {
            commit(acceptor.Phase1b(m.bal()));
        } else if (message instanceof Message.Msg2a m) {
            if (!alreadyVoted(m)) {
                commit(acceptor.Phase2b(m.bal(), m.val()));
            }
        } else if (message instanceof Message.Msg1b m) {
            proposer.receive(m);
            tryPhase2a();
        } else if (message instanceof Message.Msg2b m) {
            if (learner.receive(m) && learner.learned().isEmpty()
                && learner.Learn(m.bal(), m.val()) instanceof Step.Ready<Message> learn && commit(learn)) {
                learnedFrom = learn.recv();
                onLearned(m.val());
            }
        }
    }

    /** A retransmitted 2a for the vote already cast needs no new action: our own 2b is retransmitted too. */
    private boolean alreadyVoted(Message.Msg2a m) {
        return acceptor.state().maxVBal() == m.bal() && m.val().equals(acceptor.state().maxVal());
    }

    /** A client asks for {@code value} (an encoded ClientRequest): answered once decided, else proposed. */
    public void onRequest(String value) {
        asked.add(value);
        if (learner.learned().isPresent()) {
            answerClients();
        } else if (!proposer.hasHeard(value)) {
            commit(proposer.Propose(value));
            tryPhase2a();
        }
    }

    private void tryPhase2a() {
        if (proposer.pPhase() == Proposer.Phase.P1) {
            proposer.valueToPropose().ifPresent(v -> {
                if (commit(proposer.Phase2a(v))) {
                    election.onProgress();
                }
            });
        }
    }

    private void onLearned(String value) {
        decidedResult = new Replica(new CounterKvStore()).apply(CommandCodec.decode(value)).result();
        answerClients();
    }

    private void answerClients() {
        String decided = learner.learned().orElseThrow();
        asked.forEach(value -> answers.answer(value, value.equals(decided) ? decidedResult : null));
        asked.clear();
    }

    @Override
    public long onTimer(Timer timer) {
        if (timer == Timer.HEARTBEAT) {
            return heartbeats.onTimer();
        }
        if (timer == Timer.RETRANSMIT) {
            outboxByType.values().forEach(this::sendToReceivers);
            learnedFrom.forEach(this::sendToReceivers);
            return config.retransmitMs();
        }
        onProposerTimeout();
        return config.phaseTimeoutMs();
    }

    /**
     * Paxos.tla's Phase1a is "p times out": a leader whose ballot has not decided within phaseTimeoutMs starts a
     * higher one, above every ballot its own acceptor has seen. A ballot pre-empted by a higher one backs off first.
     */
    private void onProposerTimeout() {
        if (learner.learned().isPresent()) {
            return;
        }
        long nowMs = ports.clock().nowMs();
        int ballotSeen = acceptor.state().maxBal();
        boolean preempted = proposer.pPhase() != Proposer.Phase.IDLE && ballotSeen > proposer.pBal();
        if (preempted && ballotPreempted != proposer.pBal()) {
            ballotPreempted = proposer.pBal(); // back off once per lost ballot, not on every tick
            election.onPreempted(nowMs, ports.random().nextLong(config.jitterMsMax()));
        }
        boolean stale = proposer.pPhase() == Proposer.Phase.IDLE
            || nowMs - ballotStartedAtMs >= config.phaseTimeoutMs();
        election.suspectSilentPeers(nowMs);
        if (stale && election.mayStartBallot(nowMs)) {
            int b = Ballots.nextOwnedAbove(index, Math.max(proposer.pBal(), ballotSeen), config.nodeCount());
            if (commit(proposer.Phase1a(b))) {
                ballotStartedAtMs = nowMs;
            }
        }
    }

    private boolean commit(Step<Message> step) {
        return ports.persistence().commit(step);
    }

    /** Remembers what the retransmit timer re-sends, then sends it. */
    @Override
    public void route(Message m) {
        remember(m);
        sendToReceivers(m);
    }

    private void remember(Message m) {
        if (RETRANSMITTED_TYPES.contains(m.type())) {
            outboxByType.put(m.type(), m);
        }
    }

    /** 1a and 2a go to every acceptor, 1b to the ballot's owner, 2b to every learner: one of each per node. */
    private void sendToReceivers(Message m) {
        if (m instanceof Message.Msg1b b1) {
            ports.transport().toNode(Ballots.owner(b1.bal(), config.nodeCount()), m);
            return;
        }
        for (int n = 0; n < config.nodeCount(); n++) {
            ports.transport().toNode(n, m);
        }
    }
}
