/**
 * The replicated state machine: a counter and a key-value map behind {@link dev.paxosref.core.rsm.StateMachine},
 * with exactly-once client semantics from a session table. Single-decree Paxos applies the one chosen request;
 * a Multi-Paxos replica applies its chosen log in slot order (through
 * {@link dev.paxosref.core.MachineState}) with {@link dev.paxosref.core.rsm.Replica}.
 */
package dev.paxosref.core.rsm;
