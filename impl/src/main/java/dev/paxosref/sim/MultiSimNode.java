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
 * when it has none, and restarts its proposer (ProposerCrash, then Phase1a) when its ballot stops deciding, since
 * MultiPaxos.tla has no retransmission: a lost 2a or decision is recovered by a new ballot's re-proposals.
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
    /** When this node's ballot last decided a slot or its replica last executed one. */
    private long progressAtMs;

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
        comeUp(timing.jitterMsMax(), Kind.HEARTBEAT, Kind.PROPOSER);
        election = bootElection(election, index, cluster.base().nodeCount(), timing.election());
        progressAtMs = world.nowMs();
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
        replica = new MultiReplica(MultiCluster.replicaId(index), cluster.base().acceptors(), durable.replica());
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
                onProgress();
            }
        } else if (message instanceof MultiMessage.Msg2a m) {
            commitFirstEnabled(acceptor.Phase2b(m.bal(), m.slot(), m.val()),
                acceptor.Reject2a(m.bal(), m.slot(), m.val()));
        } else if (message instanceof MultiMessage.Msg2b m) {
            Step step = proposer.ReceiveAccepted(m.from(), m.bal(), m.slot(), m.val());
            if (commit(step) && !((Step.Ready) step).send().isEmpty()) {
                onProgress();
            }
        } else if (message instanceof MultiMessage.Preempted m) {
            onPreempted(m);
        } else if (message instanceof MultiMessage.Decision m) {
            if (commit(replica.ReceiveDecision(m.slot(), m.val()))) {
                executeAll();
            }
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

    private void onProgress() {
        progressAtMs = world.nowMs();
        election.onProgress();
    }

    private void executeAll() {
        while (replica.nextToExecute().isPresent()) {
            if (!commit(replica.Execute())) {
                return; // crashed
            }
            progressAtMs = world.nowMs();
            if (replica.sm().idx() % SNAPSHOT_EVERY_SLOTS == 0 && !commit(replica.Snapshot())) {
                return;
            }
        }
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
        } else {
            onProposerTimeout();
            periodMs = timing.phaseTimeoutMs();
        }
        world.schedule(periodMs, timer);
    }

    /**
     * MultiPaxos.tla's Phase1a is "p times out". The distinguished leader starts a ballot above every ballot its
     * acceptor has seen when it has none or Phase 1 took too long; a leading ballot that has stopped deciding
     * (undecided proposals, or a gap in its own replica's log) is abandoned by a proposer restart.
     */
    private void onProposerTimeout() {
        long nowMs = world.nowMs();
        election.suspectSilentPeers(nowMs);
        if (!election.mayStartBallot(nowMs)) {
            return;
        }
        boolean stalled = nowMs - progressAtMs >= timing.phaseTimeoutMs();
        if (proposer.pPhase() == Proposer.Phase.P2) {
            if (!stalled || (proposer.pProposals().isEmpty() && !replica.hasGap())) {
                return;
            }
            record(proposer.ProposerCrash());
        } else if (proposer.pPhase() == Proposer.Phase.P1 && nowMs - ballotStartedAtMs < timing.phaseTimeoutMs()) {
            return;
        }
        int b = Ballots.nextOwnedAbove(index, Math.max(proposer.pBal(), acceptor.maxBal()),
            cluster.base().nodeCount());
        if (commit(election.LeaderPhase1a(proposer, b))) {
            ballotStartedAtMs = nowMs;
            progressAtMs = nowMs;
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
