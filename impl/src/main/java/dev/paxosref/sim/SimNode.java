package dev.paxosref.sim;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.Durable;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.Learner;
import dev.paxosref.core.Message;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.ProposerDurable;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.core.rsm.Replica;
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
final class SimNode implements SimEnvironment.Node {
    /**
     * Retransmitted messages: the last 2a (for acceptors that missed it) and the last 2b (for learners). Every
     * message stays in the spec's msgs forever, so sending one again is never a new action.
     */
    private static final Set<String> RETRANSMITTED_TYPES = Set.of("2a", "2b");

    private final int index;
    private final Cluster cluster;
    private final QuorumSystem quorums;
    private final SimWorld world;
    private final SimDisk disk = new SimDisk();
    private final DurableStore store = new DurableStore(disk);
    private final StepRecorder recorder;
    private Acceptor acceptor;
    private Proposer proposer;
    private final Learner learner;
    private LeaderElection election;
    private boolean up;
    private long incarnation;
    /** The Lamport clock; it survives a crash here so that each node's trace file stays in clock order. */
    private long clock;
    private long ballotStartedAtMs;
    private int ballotPreempted = Ballots.NONE;
    private final Map<String, Message> outboxByType = new LinkedHashMap<>();
    /** The quorum of 2b messages our learner learned from; forwarding them lets every learner learn the same. */
    private List<Message> learnedFrom = List.of();
    private final Map<String, Set<Integer>> clientsByValue = new LinkedHashMap<>();
    private String decidedResult;

    SimNode(int index, Cluster cluster, SimWorld world, StepRecorder recorder) {
        this.index = index;
        this.cluster = cluster;
        this.quorums = cluster.quorums();
        this.world = world;
        this.recorder = recorder;
        this.learner = new Learner(Cluster.learnerId(index), quorums, cluster.bugs());
        recover();
    }

    @Override
    public boolean up() {
        return up;
    }

    Optional<String> learned() {
        return learner.learned();
    }

    /** Boots (or reboots) the node: timers start from a random phase so nodes do not tick in lockstep. */
    @Override
    public void start() {
        assert !up;
        up = true;
        election = new LeaderElection(index, cluster.nodeCount(), cluster.timing().election());
        acceptor.lastVote().ifPresent(this::remember);
        for (Kind kind : Kind.values()) {
            world.schedule(world.random().nextLong(cluster.timing().jitterMsMax()) + 1,
                new SimEvent.NodeTimer(index, kind, incarnation));
        }
    }

    /** Crash: the volatile state is gone and the disk keeps what it keeps; the spec sees the two crash actions. */
    @Override
    public void crash() {
        assert up;
        disk.crash(world.random(), world.faults());
        goDown();
    }

    private void goDown() {
        up = false;
        incarnation++;
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
        acceptor = new Acceptor(Cluster.acceptorId(index), durable.acceptor(), cluster.bugs());
        proposer = new Proposer(index, cluster.nodeCount(), quorums, durable.pBal(), cluster.bugs());
    }

    void deliver(Envelope envelope) {
        if (!up) {
            return;
        }
        clock = Math.max(clock, envelope.clock());
        Wire payload = envelope.payload();
        if (payload instanceof Wire.Paxos paxos) {
            onPaxos(paxos.message());
        } else if (payload instanceof Wire.Heartbeat heartbeat) {
            election.onHeartbeat(heartbeat.from(), world.nowMs());
        } else {
            onRequest((Wire.Request) payload);
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
        } else {
            Message.Msg2b m = (Message.Msg2b) message;
            if (learner.receive(m) && learner.learned().isEmpty()) {
                Step learn = learner.Learn(m.bal(), m.val());
                if (commit(learn)) {
                    learnedFrom = ((Step.Ready) learn).recv();
                    onLearned(m.val());
                }
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

    void onTimer(SimEvent.NodeTimer timer) {
        if (!up || timer.incarnation() != incarnation) {
            return; // a timer from before a crash
        }
        long periodMs = switch (timer.kind()) {
            case HEARTBEAT -> {
                broadcastHeartbeat();
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

    private void broadcastHeartbeat() {
        for (int n = 0; n < cluster.nodeCount(); n++) {
            if (n != index) {
                send(n, new Wire.Heartbeat(index));
            }
        }
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
        if (stale && election.mayStartBallot(nowMs)) {
            int b = Ballots.nextOwnedAbove(index, Math.max(proposer.pBal(), ballotSeen), cluster.nodeCount());
            if (commit(proposer.Phase1a(b))) {
                ballotStartedAtMs = nowMs;
            }
        }
    }

    /**
     * Carries out a step: persist, sync, then record and send. A crash may strike between the write and the sync;
     * then the action happened only if its write survived, and its messages are lost either way.
     */
    private boolean commit(Step step) {
        if (!(step instanceof Step.Ready ready)) {
            return false;
        }
        if (ready.persist().isPresent()) {
            Durable durable = ready.persist().get();
            store.write(durable);
            if (world.random().nextDouble() < world.faults().crashDuringWriteProbability()) {
                disk.crash(world.random(), world.faults());
                world.countCrashDuringWrite();
                if (survived(durable, store.recover())) {
                    record(ready);
                }
                goDown();
                return false;
            }
            store.sync();
        }
        record(ready);
        ready.send().forEach(m -> {
            remember(m);
            route(m);
        });
        return true;
    }

    private static boolean survived(Durable written, DurableStore.Recovered recovered) {
        return written instanceof AcceptorState s ? s.equals(recovered.acceptor())
            : ((ProposerDurable) written).pBal() == recovered.pBal();
    }

    private void record(Step.Ready ready) {
        clock++;
        recorder.executed(index, clock, ready);
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

    private void send(int to, Wire payload) {
        world.send(new Envelope(index, to, payload, clock));
    }
}
