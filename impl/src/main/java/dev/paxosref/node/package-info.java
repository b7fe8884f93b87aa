/**
 * The node layer: one process of a deployment, composed of the core's roles, with what every environment needs
 * and no spec action describes (routing, timers as input events, leader election, the snapshot policy, when to
 * retransmit and catch up). {@link dev.paxosref.node.PaxosNode} (single-decree) and
 * {@link dev.paxosref.node.MultiPaxosNode} are both a {@link dev.paxosref.node.Node} and talk to the world only
 * through small ports ({@link dev.paxosref.node.Transport}, {@link dev.paxosref.node.Persistence},
 * {@link dev.paxosref.node.Clock}, {@link dev.paxosref.node.Randomness}); the simulator implements them with
 * doubles, a runtime would with real adapters. {@link dev.paxosref.node.PersistThenSend} is the Persistence every
 * environment uses: write and sync a step's durable state, then record the step, then send. Durable state is
 * byte-level: {@link dev.paxosref.node.PaxosStore} and {@link dev.paxosref.node.MultiPaxosStore} encode each
 * role's durable variables as checksummed records ({@link dev.paxosref.node.RecordLog}) on a
 * {@link dev.paxosref.node.Storage} (append, sync, read back). A Multi-Paxos node may run MultiPaxosReconfig.tla
 * (its Config names the configurations): then its proposer takes each slot's acceptors from the log, and its
 * replica keeps the whole log (that spec has no compaction). Like the core it does no I/O, reads no clock and draws
 * no random number of its own (ArchUnit).
 */
package dev.paxosref.node;
