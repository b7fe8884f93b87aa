package dev.paxosref.node;

import dev.paxosref.core.Ballots;
import dev.paxosref.core.Configurations;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.List;
import java.util.Optional;

/**
 * One Multi-Paxos process: a proposer, an acceptor and a replica of MultiPaxos.tla, and everything around them that
 * is no spec action but every deployment needs: routing messages to roles and to their receivers, timers as input
 * events, leader election, the snapshot policy, and when to retransmit and catch up. It talks to the world only
 * through its ports (transport, persistence, clock, randomness), so the simulator and a runtime drive the same code,
 * and the same inputs give the same outputs.
 *
 * <p>The distinguished leader is the highest id the node does not suspect (MultiPaxosElection.tla's Bully
 * election); it starts a ballot when it has none or its Phase 1 took too long, and leaves Phase 2 only when
 * pre-empted. With a reconfiguration (Config.reconfiguration), the proposer is MultiPaxosReconfig.tla's: the
 * acceptors of each slot are those its configuration names, promises and accepts count only from them, and the log
 * is never truncated. The retransmit timer is MultiPaxos.tla's retry timers: the
 * proposer re-sends what its ballot waits for (Retransmit) and a replica with a gap asks the proposers for its next
 * slot (RequestCatchUp), so lost messages cost time, never progress.
 */
public final class MultiPaxosNode implements Node<MultiMessage, MultiPaxosDurable> {
    /** A replica snapshots every this many executed slots, so acceptors may forget and disks stay small. */
    private static final int SNAPSHOT_EVERY_SLOTS = 4;

    /**
     * The cluster's shape and the node's timing, in milliseconds. With a reconfiguration, acceptors is the universe
     * of those that may ever serve, and who serves at a slot is MultiPaxosReconfig.tla's ConfigAt of the log.
     */
    public record Config(int nodeCount, List<String> acceptors, List<String> replicas,
                         LeaderElection.Config election, long phaseTimeoutMs, long retransmitMs, long jitterMsMax,
                         Optional<Configurations> reconfiguration) {
        public Config {
            acceptors = List.copyOf(acceptors);
            replicas = List.copyOf(replicas);
        }
    }

    private final int index;
    private final Config config;
    private final MultiPaxosRoles roles;
    private final Ports<MultiMessage> ports;
    private MultiAcceptorRole acceptor;
    private MultiProposerRole proposer;
    private MultiReplicaRole replica;
    private final LeaderElection election;
    private final Heartbeats heartbeats;
    private long ballotStartedAtMs;
    /** The slot the replica last asked the proposers for; its answer prompts the next request at once. */
    private int catchUpSlot;

    /** A node built from what its storage holds (the durable Init on a fresh disk); {@link #start} boots it. */
    public MultiPaxosNode(int index, Config config, MultiPaxosRoles roles, Ports<MultiMessage> ports,
                          MultiPaxosDurable durable) {
        this.index = index;
        this.config = config;
        this.roles = roles;
        this.ports = ports;
        this.election = new LeaderElection(index, config.nodeCount(), config.election());
        this.heartbeats = new Heartbeats(election, ports, config.election().heartbeatIntervalMs());
        recover(durable);
    }

    /**
     * Boots (or reboots) the node. A reboot is MultiPaxosElection.tla's Recover: the election comes back up
     * suspecting nobody and having heard from nobody; on the first boot it is up already and Recover is not enabled.
     */
    @Override
    public void start() {
        election.Recover();
    }

    /**
     * A restart from what the disk kept: the election stops (MultiPaxosElection.tla's Crash, whose other half is
     * ProposerCrash) and the spec sees the three crash actions.
     */
    @Override
    public void restart(MultiPaxosDurable durable) {
        election.Crash();
        recover(durable);
        ports.persistence().commit(proposer.ProposerCrash());
        ports.persistence().commit(acceptor.AcceptorCrash());
        ports.persistence().commit(replica.ReplicaCrash());
    }

    private void recover(MultiPaxosDurable durable) {
        acceptor = roles.acceptor(durable.acceptor());
        proposer = roles.proposer(durable.pBal());
        replica = roles.replica(new MultiReplica(config.replicas().get(index), config.acceptors(), config.nodeCount(),
            durable.replica()));
    }

    @Override
    public void onHeartbeat(int from) {
        heartbeats.receive(from);
    }

    // Java 17 has no pattern switch; the chain covers every MultiMessage a node receives (replies go to clients).
    @Override
    public void onMessage(MultiMessage message) {
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
            Step<MultiMessage> accepted = proposer.ReceiveAccepted(m.from(), m.bal(), m.slot(), m.val(), m.low());
            if (accepted instanceof Step.Ready<MultiMessage> step && commit(step) && !step.send().isEmpty()) {
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
        election.suspectSilentPeers(ports.clock().nowMs());
        int leader = election.leaderView();
        if (leader != index) {
            ports.transport().toNode(leader, m);
        }
    }

    /** A ballot that lost backs off before the next, so that two would-be leaders stop duelling. */
    private void onPreempted(MultiMessage.Preempted m) {
        Proposer.Phase before = proposer.pPhase();
        commit(proposer.Preempted(m.bal(), m.higher()));
        if (before != Proposer.Phase.IDLE && proposer.pPhase() == Proposer.Phase.IDLE) {
            long nowMs = ports.clock().nowMs();
            election.onPreempted(nowMs, ports.random().nextLong(config.jitterMsMax()));
        }
    }

    /** Executes every decided slot in order; false if the node crashed meanwhile. */
    private boolean executeAll() {
        while (replica.nextToExecute().isPresent()) {
            if (!commit(replica.Execute())) {
                return false;
            }
            if (snapshots() && replica.sm().idx() % SNAPSHOT_EVERY_SLOTS == 0 && !commit(replica.Snapshot())) {
                return false;
            }
        }
        return true;
    }

    /**
     * MultiPaxosReconfig.tla has no compaction: a leader must know every decision below the slots it proposes, and
     * a snapshot would hide the configurations that name the acceptors there. So a reconfigurable log keeps them all.
     */
    private boolean snapshots() {
        return config.reconfiguration().isEmpty();
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

    /** A timer fired; returns when it should fire again, in milliseconds from now. */
    @Override
    public long onTimer(Timer timer) {
        if (timer == Timer.HEARTBEAT) {
            return heartbeats.onTimer();
        }
        if (timer == Timer.RETRANSMIT) {
            onRetransmitTimeout();
            return config.retransmitMs();
        }
        onProposerTimeout();
        return config.phaseTimeoutMs();
    }

    /**
     * MultiPaxosElection.tla's LeaderPhase1a: MultiPaxos.tla's Phase1a ("p times out") for a node that leads in its
     * own view, after the suspicion timers that are due have fired. It starts a ballot above every ballot its
     * acceptor has seen when it has none or Phase 1 took too long. A leader in Phase 2 does not time out: the
     * retransmit timer recovers its lost messages, and a higher ballot pre-empts it.
     */
    private void onProposerTimeout() {
        long nowMs = ports.clock().nowMs();
        election.suspectSilentPeers(nowMs);
        if (!election.mayStartBallot(nowMs) || proposer.pPhase() == Proposer.Phase.P2
            || (proposer.pPhase() == Proposer.Phase.P1 && nowMs - ballotStartedAtMs < config.phaseTimeoutMs())) {
            return;
        }
        int b = Ballots.nextOwnedAbove(index, Math.max(proposer.pBal(), acceptor.maxBal()), config.nodeCount());
        if (commit(election.LeaderPhase1a(proposer, b))) {
            ballotStartedAtMs = nowMs;
        }
    }

    private void commitFirstEnabled(Step<MultiMessage> first, Step<MultiMessage> second) {
        commit(first.enabled() ? first : second);
    }

    private boolean commit(Step<MultiMessage> step) {
        return ports.persistence().commit(step);
    }

    /** Every message but a request and a reply names its receiver; a reply goes to its command's client. */
    @Override
    public void route(MultiMessage m) {
        Transport<MultiMessage> transport = ports.transport();
        if (m instanceof MultiMessage.Msg1a x) {
            transport.toNode(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.Msg1b x) {
            transport.toNode(ownerOf(x.bal()), m);
        } else if (m instanceof MultiMessage.Msg2a x) {
            transport.toNode(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.Msg2b x) {
            transport.toNode(ownerOf(x.bal()), m);
        } else if (m instanceof MultiMessage.Preempted x) {
            transport.toNode(ownerOf(x.bal()), m);
        } else if (m instanceof MultiMessage.Decision x) {
            transport.toNode(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.CatchUp x) {
            transport.toNode(x.to(), m);
        } else if (m instanceof MultiMessage.Snapshot x) {
            transport.toNode(nodeOf(x.to()), m);
        } else if (m instanceof MultiMessage.Reply x) {
            transport.toClient(CommandCodec.decode(x.cmd()).clientId(), m);
        }
    }

    private int ownerOf(int bal) {
        return Ballots.owner(bal, config.nodeCount());
    }

    /** "a3" and "r3" both live on node 2. */
    private static int nodeOf(String processId) {
        return Integer.parseInt(processId.substring(1)) - 1;
    }
}
