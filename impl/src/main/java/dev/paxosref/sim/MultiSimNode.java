package dev.paxosref.sim;

import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.node.MultiPaxosNode;
import dev.paxosref.node.MultiPaxosRoles;
import dev.paxosref.node.MultiPaxosStore;
import dev.paxosref.node.NodeStore;
import dev.paxosref.node.Transport;
import dev.paxosref.sim.SimEvent.NodeTimer.Kind;

/**
 * One simulated Multi-Paxos server: the real {@link MultiPaxosNode} over port doubles. The network is the
 * simulator's lying one, persistence is {@link SimServer}'s commit on a lying disk (which may crash the machine
 * between a write and its sync), the clock is virtual and randomness is the seed's. A crash loses everything but
 * the disk; the node is rebuilt from what the disk kept.
 */
final class MultiSimNode extends SimServer<MultiMessage> {
    private final MultiCluster cluster;
    private final SimTiming timing;
    private final MultiPaxosStore store = new MultiPaxosStore(disk);
    private final MultiPaxosNode node;

    MultiSimNode(int index, MultiCluster cluster, SimWorld world, StepRecorder<MultiMessage> recorder) {
        super(index, world, recorder);
        this.cluster = cluster;
        this.timing = cluster.base().timing();
        MultiPaxosNode.Config config = new MultiPaxosNode.Config(cluster.base().nodeCount(), cluster.base().acceptors(),
            cluster.replicas(), timing.election(), timing.phaseTimeoutMs(), timing.retransmitMs(),
            timing.jitterMsMax(), cluster.reconfiguration());
        MultiPaxosNode.Ports ports = new MultiPaxosNode.Ports(new SimTransport(), this::commit, world::nowMs,
            bound -> world.random().nextLong(bound));
        this.node = new MultiPaxosNode(index, config, new Roles(), ports, store.recover());
    }

    /** The node's acceptor, proposer and replica, wrapped in the cluster's mutants if any. */
    private final class Roles implements MultiPaxosRoles {
        @Override
        public MultiAcceptorRole acceptor(MultiAcceptorDurable recovered) {
            return cluster.base().mutants().multiAcceptor(Cluster.acceptorId(index), cluster.replicas(), recovered);
        }

        @Override
        public MultiProposerRole proposer(int pBalRecovered) {
            return cluster.proposer(index, pBalRecovered);
        }

        @Override
        public MultiReplicaRole replica(MultiReplica built) {
            return cluster.base().mutants().multiReplica(built);
        }
    }

    /** The simulated network: node indexes are addresses, clients have theirs after the nodes'. */
    private final class SimTransport implements Transport<MultiMessage> {
        @Override
        public void toNode(int to, MultiMessage message) {
            send(to, new Wire.MultiPaxos(message));
        }

        @Override
        public void toClient(String clientId, MultiMessage message) {
            send(cluster.clientAddress(clientId), new Wire.MultiPaxos(message));
        }

        @Override
        public void heartbeat(int to) {
            send(to, new Wire.Heartbeat(index));
        }
    }

    /** Boots (or reboots) the node: timers start from a random phase so nodes do not tick in lockstep. */
    @Override
    public void start() {
        comeUp(timing.jitterMsMax(), Kind.HEARTBEAT, Kind.PROPOSER, Kind.RETRANSMIT);
        node.start();
    }

    @Override
    protected void restartFromDisk() {
        node.restart(store.recover());
    }

    @Override
    protected void onHeartbeat(Wire.Heartbeat heartbeat) {
        node.onHeartbeat(heartbeat.from());
    }

    @Override
    protected void receive(Wire payload) {
        if (payload instanceof Wire.MultiPaxos multi) {
            node.onMessage(multi.message());
        }
    }

    @Override
    public void onTimer(SimEvent.NodeTimer timer) {
        if (!current(timer)) {
            return; // a timer from before a crash
        }
        long periodMs = node.onTimer(switch (timer.kind()) {
            case HEARTBEAT -> MultiPaxosNode.Timer.HEARTBEAT;
            case PROPOSER -> MultiPaxosNode.Timer.PROPOSER;
            case RETRANSMIT -> MultiPaxosNode.Timer.RETRANSMIT;
        });
        world.schedule(periodMs, timer);
    }

    @Override
    protected NodeStore store() {
        return store;
    }

    @Override
    protected void sent(MultiMessage m) {
        node.route(m);
    }
}
