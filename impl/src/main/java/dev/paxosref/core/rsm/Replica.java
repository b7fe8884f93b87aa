package dev.paxosref.core.rsm;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies chosen client requests to a state machine exactly once, in order. Single-decree Paxos hands it one
 * request; a Multi-Paxos replica hands it the log's chosen prefix, and {@code appliedCount} is its apply index.
 */
public final class Replica {
    private final StateMachine stateMachine;
    private final SessionTable sessions;
    private long appliedCount;

    public Replica(StateMachine stateMachine) {
        this(stateMachine, new SessionTable());
    }

    /** A replica resumed from a snapshot's state machine and session table. */
    public Replica(StateMachine stateMachine, SessionTable sessions) {
        this.stateMachine = stateMachine;
        this.sessions = sessions;
    }

    /** Executes the request unless its client's session shows it already ran; answers it either way. */
    public Reply apply(ClientRequest request) {
        appliedCount++;
        return sessions.duplicateOf(request).orElseGet(() -> {
            Reply reply = new Reply(request.clientId(), request.seq(), stateMachine.apply(request.command()));
            sessions.record(reply);
            return reply;
        });
    }

    /** Applies the requests in log order. */
    public List<Reply> applyAll(List<ClientRequest> log) {
        List<Reply> replies = new ArrayList<>(log.size());
        log.forEach(request -> replies.add(apply(request)));
        return replies;
    }

    /** How many log entries have been applied, duplicates included. */
    public long appliedCount() {
        return appliedCount;
    }
}
