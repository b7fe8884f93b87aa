package dev.paxosref.sim;

import dev.paxosref.core.Ballots;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiAcceptor;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposer;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.sim.SimEvent.NodeTimer.Kind;

/**
 * One simulated Multi-Paxos server running a proposer, an acceptor and a replica over the core, with the
 * etcd-raft discipline: persist the step's durable state, sync, then send. A crash loses everything but the disk
 * and is the spec's three crash actions. The distinguished leader is the highest id heard from; it starts a ballot
 * when it has none or its Phase 1 took too long, and leaves Phase 2 only when pre-empted. The retransmit timer is
 * MultiPaxos.tla's retry timers: the proposer re-sends what its ballot waits for (Retransmit) and a replica with a
 * gap asks the proposers for its next slot (RequestCatchUp), so lost messages cost time, never progress.
 */
final class MultiSimNode extends SimServer {
    /** A replica snapshots every this many executed slots, so acceptors may forget and disks stay small. */
    private static final int SNAPSHOT_EVERY_SLOTS = 4;

    private final MultiCluster cluster;
    private final SimTiming timing;
    private final QuorumSystem quorums;
    private final MultiDurableStore store = new MultiDurableStore(disk);
    private MultiAcceptor acceptor;
    private MultiProposer proposer;
    private MultiReplica replica;
    private LeaderElection election;
    private long ballotStartedAtMs;
    /** The slot the replica last asked the proposers for; its answer prompts the next request at once. */
    private int catchUpSlot;

    MultiSimNode(int index, MultiCluster cluster, SimWorld world, StepRecorder recorder) {
        super(index, world, recorder);
        this.cluster = cluster;
        this.timing = cluster.base().timing();
        this.quorums = cluster.base().quorums();
        recover();
    }

    /** Boots (or reboots) the node: timers start from a random phase so nodes do not tick in lockstep. */
    @Override
    public void start() {
        comeUp(timing.jitterMsMax(), Kind.HEARTBEAT, Kind.PROPOSER, Kind.RETRANSMIT);
        election = bootElection(election, index, cluster.base().nodeCount(), timing.election());
    }

    /** The spec sees the three crash actions; the election stops (MultiPaxosElection.tla: Crash). */
    @Override
    protected void restartFromDisk() {
        election.Crash();
        recover();
        record(proposer.ProposerCrash());
        record(acceptor.AcceptorCrash());
        record(replica.ReplicaCrash());
    }

    private void recover() {
        MultiDurableStore.Recovered durable = store.recover();
        var bugs = cluster.base().bugs();
        acceptor = new MultiAcceptor(Cluster.acceptorId(index), cluster.replicas(), durable.acceptor(), bugs);
        proposer = new MultiProposer(index, cluster.base().nodeCount(), quorums, cluster.replicas(), durable.pBal(),
            bugs);
        replica = new MultiReplica(MultiCluster.replicaId(index), cluster.base().acceptors(),
            cluster.base().nodeCount(), durable.replica());
    }

    @Override
    protected void onHeartbeat(Wire.Heartbeat heartbeat) {
        election.ReceiveHeartbeat(heartbeat.from(), world.nowMs());
    }

    @Override
    protected void receive(Wire payload) {
        onMessage((MultiMessage) ((Wire.Paxos) payload).message());
    }

    // Java 17 has no pattern switch; the chain covers every MultiMessage a node receives (replies go to clients).
    private void onMessage(MultiMessage message) {
        if (message instanceof MultiMessage.Request m) {
            onRequest(m);
        } else if (message instanceof MultiMessage.Msg1a m) {
            commitFirstEnabled(acceptor.Phase1b(m.bal()), acceptor.Reject1a(m.bal()));
        } else if (message instanceof MultiMessage.Msg1b m) {
            Proposer.Phase before = proposer.pPhase();
            commit(proposer.ReceivePromise(m));
            if (before != Proposer.Phase.P2 && proposer.pPhase() == Proposer.Phase.P2) {
                election.onProgress();
            }
        } else if (message instanceof MultiMessage.Msg2a m) {
            commitFirstEnabled(acceptor.Phase2b(m.bal(), m.slot(), m.val()),
                acceptor.Reject2a(m.bal(), m.slot(), m.val()));
        } else if (message instanceof MultiMessage.Msg2b m) {
            Step step = proposer.ReceiveAccepted(m.from(), m.bal(), m.slot(), m.val());
            if (commit(step) && !((Step.Ready) step).send().isEmpty()) {
                election.onProgress();
            }
        } else if (message instanceof MultiMessage.Preempted m) {
            onPreempted(m);
        } else if (message instanceof MultiMessage.Decision m) {
            if (commit(replica.ReceiveDecision(m.slot(), m.val())) && executeAll() && m.slot() == catchUpSlot) {
                requestCatchUpIfGap();
            }
        } else if (message instanceof MultiMessage.CatchUp m) {
            commit(proposer.ReceiveCatchUp(m.from(), m.slot()));
        } else if (message instanceof MultiMessage.Snapshot m) {
            commit(acceptor.ReceiveSnapshot(m.from(), m.idx()));
        }
    }

    /**
     * A leader takes the request; another node passes it on to the node it believes leads. That is the network
     * routing the spec's request (which names no receiver), not a step: only a strictly higher id is ever the
     * believed leader, so forwarding ends.
     */
    private void onRequest(MultiMessage.Request m) {
        if (proposer.pPhase() == Proposer.Phase.P2) {
            commit(proposer.Propose(m.cmd()));
            return;
        }
        election.suspectSilentPeers(world.nowMs());
        int leader = election.leaderView();
        if (leader != index) {
            send(leader, m);
        }
    }

    /** A ballot that lost backs off before the next, so that two would-be leaders stop duelling. */
    private void onPreempted(MultiMessage.Preempted m) {
        Proposer.Phase before = proposer.pPhase();
        commit(proposer.Preempted(m.bal(), m.higher()));
        if (before != Proposer.Phase.IDLE && proposer.pPhase() == Proposer.Phase.IDLE) {
            election.onPreempted(world.nowMs(), world.random().nextLong(timing.jitterMsMax()));
        }
    }

    /** Executes every decided slot in order; false if the node crashed meanwhile. */
    private boolean executeAll() {
        while (replica.nextToExecute().isPresent()) {
            if (!commit(replica.Execute())) {
                return false;
            }
            if (replica.sm().idx() % SNAPSHOT_EVERY_SLOTS == 0 && !commit(replica.Snapshot())) {
                return false;
            }
        }
        return true;
    }

    /** A replica with a gap asks every proposer for its next slot; one that is merely up to date asks nothing. */
    private void requestCatchUpIfGap() {
        if (replica.hasGap() && commit(replica.RequestCatchUp())) {
            catchUpSlot = replica.sm().idx() + 1;
        }
    }

    /** The retry timer: a proposer re-sends what its ballot still waits for, if anything; a replica fills gaps. */
    private void onRetransmitTimeout() {
        commit(proposer.Retransmit()); // writes nothing, so it cannot crash the node
        requestCatchUpIfGap();
    }

    @Override
    public void onTimer(SimEvent.NodeTimer timer) {
        if (!current(timer)) {
            return; // a timer from before a crash
        }
        long periodMs;
        if (timer.kind() == Kind.HEARTBEAT) {
            onHeartbeatTimer(election);
            periodMs = timing.election().heartbeatIntervalMs();
        } else if (timer.kind() == Kind.RETRANSMIT) {
            onRetransmitTimeout();
            periodMs = timing.retransmitMs();
        } else {
            onProposerTimeout();
            periodMs = timing.phaseTimeoutMs();
        }
        world.schedule(periodMs, timer);
    }

    /**
     * MultiPaxosElection.tla's LeaderPhase1a: MultiPaxos.tla's Phase1a ("p times out") for a node that leads in
     * its own view. It starts a ballot above every ballot its acceptor has seen when it has none or Phase 1 took
     * too long. A leader in Phase 2 does not time out: the
     * retransmit timer recovers its lost messages, and a higher ballot pre-empts it.
     */
    private void onProposerTimeout() {
        long nowMs = world.nowMs();
        election.suspectSilentPeers(nowMs);
        if (!election.mayStartBallot(nowMs) || proposer.pPhase() == Proposer.Phase.P2
            || (proposer.pPhase() == Proposer.Phase.P1 && nowMs - ballotStartedAtMs < timing.phaseTimeoutMs())) {
            return;
        }
        int b = Ballots.nextOwnedAbove(index, Math.max(proposer.pBal(), acceptor.maxBal()),
            cluster.base().nodeCount());
        if (commit(election.LeaderPhase1a(proposer, b))) {
            ballotStartedAtMs = nowMs;
        }
    }

    private void commitFirstEnabled(Step first, Step second) {
        commit(first.enabled() ? first : second);
    }

    @Override
    protected NodeStore store() {
        return store;
    }

    /** Every message but a request and a reply names its receiver; a reply goes to its command's client. */
    @Override
    protected void sent(Message message) {
        MultiMessage m = (MultiMessage) message;
        if (m instanceof MultiMessage.Msg1a x) {
            send(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.Msg1b x) {
            send(Ballots.owner(x.bal(), cluster.base().nodeCount()), m);
        } else if (m instanceof MultiMessage.Msg2a x) {
            send(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.Msg2b x) {
            send(Ballots.owner(x.bal(), cluster.base().nodeCount()), m);
        } else if (m instanceof MultiMessage.Preempted x) {
            send(Ballots.owner(x.bal(), cluster.base().nodeCount()), m);
        } else if (m instanceof MultiMessage.Decision x) {
            send(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.CatchUp x) {
            send(x.to(), m);
        } else if (m instanceof MultiMessage.Snapshot x) {
            send(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.Reply x) {
            send(cluster.clientAddress(CommandCodec.decode(x.cmd()).clientId()), m);
        }
    }

    /** "a3" and "r3" both live on node 2. */
    private static int nodeOf(String processId) {
        return Integer.parseInt(processId.substring(1)) - 1;
    }

    private void send(int to, Message m) {
        send(to, new Wire.Paxos(m));
    }
}
