package dev.paxosref.sim.mutant;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.ConfigurationRule;
import dev.paxosref.core.Configurations;
import dev.paxosref.core.Learner;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.MultiAcceptor;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiProposer;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.ReconfigProposer;
import dev.paxosref.node.Persistence;
import java.util.List;
import java.util.Set;

/**
 * Builds the roles of one node, and its persistence port: the core's own, each wrapped in the active mutants that
 * concern it.
 */
public record Mutants(Set<Mutant> active) {
    /** No mutant: the core's roles unwrapped. */
    public static final Mutants NONE = new Mutants(Set.of());

    public Mutants {
        active = Set.copyOf(active);
    }

    /** The Multi-Paxos roles have only some of the bugs; asking for another is a mistake, not a correct run. */
    public void requireInMultiPaxos(boolean reconfigures) {
        active.stream().filter(m -> reconfigures ? !m.inReconfig : !m.inMultiPaxos).findFirst().ifPresent(m -> {
            throw new IllegalArgumentException(m + " does not exist in " + (reconfigures
                ? "MultiPaxosReconfig.tla's roles (the reconfig profile)" : "MultiPaxos.tla's roles"));
        });
    }

    /** The same for single-decree Paxos, whose roles lack the bugs of the Multi-Paxos replica and leader. */
    public void requireInSingleDecree() {
        active.stream().filter(m -> !m.inSingleDecree).findFirst().ifPresent(m -> {
            throw new IllegalArgumentException(m + " does not exist in Paxos.tla's roles");
        });
    }

    public AcceptorRole acceptor(String a, AcceptorState recovered) {
        AcceptorRole acceptor = active.contains(Mutant.ACCEPTOR_SKIPS_PROMISE_CHECK)
            ? new AcceptorForgetsPromise(a, recovered) : new Acceptor(a, recovered);
        return active.contains(Mutant.ACCEPTOR_RESENDS_VOTE) ? new AcceptorResendsVote(acceptor) : acceptor;
    }

    public ProposerRole proposer(int p, int numProposers, QuorumSystem quorums, int pBalRecovered) {
        Proposer proposer = new Proposer(p, numProposers, quorums, pBalRecovered);
        return active.contains(Mutant.PROPOSER_IGNORES_REPORTED_VOTE) ? new ProposerIgnoresVotes(proposer) : proposer;
    }

    public LearnerRole learner(String l, QuorumSystem quorums) {
        return active.contains(Mutant.LEARNER_LEARNS_WITHOUT_QUORUM)
            ? new LearnerWithoutQuorum(l, quorums) : new Learner(l, quorums);
    }

    public MultiAcceptorRole multiAcceptor(String a, List<String> replicas, MultiAcceptorDurable recovered) {
        return new MultiAcceptor(a, replicas, recovered);
    }

    /** A node's persistence port, through which the acceptor's answers pass without their writes if so. */
    public <M> Persistence<M> persistence(Persistence<M> real) {
        return active.contains(Mutant.ACCEPTOR_SKIPS_PERSIST) ? new SkipsPersist<>(real) : real;
    }

    public MultiProposerRole multiProposer(int p, int numProposers, QuorumSystem quorums, List<String> replicas,
                                           int pBalRecovered) {
        MultiProposer proposer = new MultiProposer(p, numProposers, quorums, replicas, pBalRecovered);
        return active.contains(Mutant.PROPOSER_IGNORES_REPORTED_VOTE)
            ? new MultiProposerIgnoresVotes(proposer) : proposer;
    }

    public MultiReplicaRole multiReplica(MultiReplica built) {
        MultiReplicaRole replica = active.contains(Mutant.REPLICA_KEEPS_SNAPSHOTTED_LOG)
            ? new ReplicaKeepsSnapshottedLog(built) : built;
        return active.contains(Mutant.REPLICA_DROPS_RETRY_REPLY) ? new ReplicaDropsRetryReply(replica) : replica;
    }

    /** MultiPaxosReconfig.tla's proposer, reading its decisions by the window mutant's rule if it is active. */
    public MultiProposerRole reconfigProposer(int p, int numProposers, QuorumSystem universe, List<String> replicas,
                                              int pBalRecovered, Configurations configs) {
        ConfigurationRule rule = active.contains(Mutant.LEADER_IGNORES_WINDOW) ? new IgnoresWindow(configs) : configs;
        return new ReconfigProposer(p, numProposers, universe, replicas, pBalRecovered, rule);
    }
}
