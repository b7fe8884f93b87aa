package dev.paxosref.core.rsm;

/**
 * A deterministic state machine: replicas that apply the same commands in the same order hold the same state.
 * Single-decree Paxos applies one command; a Multi-Paxos replica applies its log in slot order.
 */
public interface StateMachine {
    /** Applies the command and answers its result. */
    String apply(Command command);

    /** An independent copy, for models that branch (the linearizability checker). */
    StateMachine copy();

    /** A value equal for equal states, for memoizing searches over states. */
    Object snapshot();
}
