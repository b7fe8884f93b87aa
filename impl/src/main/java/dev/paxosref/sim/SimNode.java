package dev.paxosref.sim;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.core.rsm.Replica;
import dev.paxosref.node.NodeStore;
import dev.paxosref.sim.SimEvent.NodeTimer.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One simulated server running a proposer, an acceptor and a learner over the core, with the etcd-raft
 * discipline: persist the step's durable state, sync, then send. Crashes lose everything but the disk.
 */
final class SimNode extends SimServer<Message> {
    /**
     * Retransmitted messages: the last 2a (for acceptors that missed it) and the last 2b (for learners). Every
     * message stays in the spec's msgs forever, so sending one again is never a new action.
     */
    private static final Set<String> RETRANSMITTED_TYPES = Set.of("2a", "2b");

    private final Cluster cluster;
    private final QuorumSystem quorums;
    private final DurableStore store = new DurableStore(disk);
    private AcceptorRole acceptor;
    private ProposerRole proposer;
    private final LearnerRole learner;
    private LeaderElection election;
    private long ballotStartedAtMs;
    private int ballotPreempted = Ballots.NONE;
    private final Map<String, Message> outboxByType = new LinkedHashMap<>();
    /** The quorum of 2b messages our learner learned from; forwarding them lets every learner learn the same. */
    private List<Message> learnedFrom = List.of();
    private final Map<String, Set<Integer>> clientsByValue = new LinkedHashMap<>();
    private String decidedResult;

    SimNode(int index, Cluster cluster, SimWorld world, StepRecorder<Message> recorder) {
        super(index, world, recorder);
        this.cluster = cluster;
        this.quorums = cluster.quorums();
        this.learner = cluster.mutants().learner(Cluster.learnerId(index), quorums);
        recover();
    }

    Optional<String> learned() {
        return learner.learned();
    }

    /** Boots (or reboots) the node: timers start from a random phase so nodes do not tick in lockstep. */
    @Override
    public void start() {
        comeUp(cluster.timing().jitterMsMax(), Kind.values());
        election = bootElection(election, index, cluster.nodeCount(), cluster.timing().election());
        acceptor.lastVote().ifPresent(this::remember);
    }

    /** The spec sees the two crash actions. */
    @Override
    protected void restartFromDisk() {
        election.Crash();
        recover();
        record(proposer.ProposerCrash());
        record(learner.LearnerCrash());
        ballotStartedAtMs = 0;
        ballotPreempted = Ballots.NONE;
        outboxByType.clear();
        learnedFrom = List.of();
        clientsByValue.clear();
        decidedResult = null;
    }

    private void recover() {
        DurableStore.Recovered durable = store.recover();
        acceptor = cluster.mutants().acceptor(Cluster.acceptorId(index), durable.acceptor());
        proposer = cluster.mutants().proposer(index, cluster.nodeCount(), quorums, durable.pBal());
    }

    @Override
    protected void onHeartbeat(Wire.Heartbeat heartbeat) {
        election.ReceiveHeartbeat(heartbeat.from(), world.nowMs());
    }

    @Override
    protected void receive(Wire payload) {
        if (payload instanceof Wire.Paxos paxos) {
            onPaxos(paxos.message());
        } else if (payload instanceof Wire.Request request) {
            onRequest(request);
        }
    }

    private void onPaxos(Message message) {
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

    private void onRequest(Wire.Request request) {
        clientsByValue.computeIfAbsent(request.value(), v -> new LinkedHashSet<>()).add(request.clientAddress());
        if (learner.learned().isPresent()) {
            answerClients();
        } else if (!proposer.hasHeard(request.value())) {
            commit(proposer.Propose(request.value()));
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
        clientsByValue.forEach((value, clients) -> clients.forEach(client -> send(client,
            new Wire.Response(value, value.equals(decided) ? decidedResult : null))));
        clientsByValue.clear();
    }

    @Override
    public void onTimer(SimEvent.NodeTimer timer) {
        if (!current(timer)) {
            return; // a timer from before a crash
        }
        long periodMs = switch (timer.kind()) {
            case HEARTBEAT -> {
                onHeartbeatTimer(election);
                yield cluster.timing().election().heartbeatIntervalMs();
            }
            case PROPOSER -> {
                onProposerTimeout();
                yield cluster.timing().phaseTimeoutMs();
            }
            case RETRANSMIT -> {
                outboxByType.values().forEach(this::route);
                learnedFrom.forEach(this::route);
                yield cluster.timing().retransmitMs();
            }
        };
        world.schedule(periodMs, timer);
    }

    /**
     * Paxos.tla's Phase1a is "p times out": a leader whose ballot has not decided within phaseTimeoutMs starts a
     * higher one, above every ballot its own acceptor has seen. A ballot pre-empted by a higher one backs off first.
     */
    private void onProposerTimeout() {
        if (learner.learned().isPresent()) {
            return;
        }
        long nowMs = world.nowMs();
        int ballotSeen = acceptor.state().maxBal();
        boolean preempted = proposer.pPhase() != Proposer.Phase.IDLE && ballotSeen > proposer.pBal();
        if (preempted && ballotPreempted != proposer.pBal()) {
            ballotPreempted = proposer.pBal(); // back off once per lost ballot, not on every tick
            election.onPreempted(nowMs, world.random().nextLong(cluster.timing().jitterMsMax()));
        }
        boolean stale = proposer.pPhase() == Proposer.Phase.IDLE
            || nowMs - ballotStartedAtMs >= cluster.timing().phaseTimeoutMs();
        election.suspectSilentPeers(nowMs);
        if (stale && election.mayStartBallot(nowMs)) {
            int b = Ballots.nextOwnedAbove(index, Math.max(proposer.pBal(), ballotSeen), cluster.nodeCount());
            if (commit(proposer.Phase1a(b))) {
                ballotStartedAtMs = nowMs;
            }
        }
    }

    @Override
    protected NodeStore store() {
        return store;
    }

    @Override
    protected void sent(Message m) {
        remember(m);
        route(m);
    }

    private void remember(Message m) {
        if (RETRANSMITTED_TYPES.contains(m.type())) {
            outboxByType.put(m.type(), m);
        }
    }

    /** 1a and 2a go to every acceptor, 1b to the ballot's owner, 2b to every learner. */
    private void route(Message m) {
        List<Integer> to = new ArrayList<>();
        if (m instanceof Message.Msg1b b1) {
            to.add(Ballots.owner(b1.bal(), cluster.nodeCount()));
        } else {
            for (int n = 0; n < cluster.nodeCount(); n++) {
                to.add(n);
            }
        }
        to.forEach(n -> send(n, new Wire.Paxos(m)));
    }

}
