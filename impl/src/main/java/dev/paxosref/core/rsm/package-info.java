/**
 * The replicated state machine: a counter and a key-value map behind {@link dev.paxosref.core.rsm.StateMachine},
 * with exactly-once client semantics from a session table. Single-decree Paxos applies the one chosen request;
 * a Multi-Paxos replica will apply its chosen log in slot order through {@link dev.paxosref.core.rsm.Replica}.
 */
package dev.paxosref.core.rsm;
