/**
 * The Paxos core, pure: one class per role of Paxos.tla (Acceptor, Proposer, Learner) and of MultiPaxos.tla
 * (MultiAcceptor, MultiProposer, MultiReplica, MultiClient) holding exactly that role's variables, and one method
 * per spec action, named as in the spec, that checks the guard (returning
 * {@link dev.paxosref.core.Step.NotEnabled} with the failed conjunct) and applies the effect (returning
 * {@link dev.paxosref.core.Step.Ready}: what to persist, then what to send). Each protocol has its own sealed
 * message family ({@link dev.paxosref.core.Message} for Paxos.tla, {@link dev.paxosref.core.MultiMessage} for
 * MultiPaxos.tla) and its steps are {@code Step<Message>} or {@code Step<MultiMessage>}. The node's own id (the spec's p, a, l
 * or r) is the instance, not a parameter. The roles a node drives are seen through small interfaces
 * ({@link dev.paxosref.core.AcceptorRole}, {@link dev.paxosref.core.ProposerRole}, ...), so that the simulator's
 * mutants can wrap them; the core itself has no bug flags. What the core asserts it checks with
 * {@link dev.paxosref.core.Invariant#check}, which stays on in production.
 *
 * <p>No I/O, clocks, threads or randomness: time and jitter are inputs, so the simulator and the runtime drive the
 * same code and a seed replays exactly. ArchUnit enforces this. The pieces Multi-Paxos shares with single-decree
 * Paxos are stateless or per instance: {@link dev.paxosref.core.Ballots}, {@link dev.paxosref.core.QuorumSystem},
 * {@link dev.paxosref.core.AcceptorState} (the promise and vote rules, one per slot),
 * {@link dev.paxosref.core.SafeValue} (the highest-ballot vote, per slot in
 * {@link dev.paxosref.core.Reproposals}) and {@link dev.paxosref.core.VoteTally} (per slot in the simulator).
 *
 * <p>MultiPaxosReconfig.tla reuses MultiPaxos's actions through INSTANCE and replaces those that depend on who the
 * acceptors are; so does the core: {@link dev.paxosref.core.ReconfigProposer} extends MultiProposer and overrides
 * ReceivePromise, Propose, ReceiveAccepted and Retransmit, reading each slot's acceptors through a
 * {@link dev.paxosref.core.ConfigurationRule} ({@link dev.paxosref.core.Configurations}: KnowsConfigAt, ConfigAt,
 * the Alpha window); a reconfiguration is the client command {@code Command.Reconfig}; every other action is the
 * Multi-Paxos role's own.
 */
package dev.paxosref.core;
