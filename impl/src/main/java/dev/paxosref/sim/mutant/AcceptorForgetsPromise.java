package dev.paxosref.sim.mutant;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Ballots;
import dev.paxosref.core.Message;
import dev.paxosref.core.Step;

/**
 * ACCEPTOR_SKIPS_PROMISE_CHECK: a 2a below the promise is voted for anyway. The acceptor forgets its promise and
 * last vote, so that the core's own Phase2b is enabled and produces the step (and the state (b, b, v)) that
 * Phase2b without its guard would.
 */
final class AcceptorForgetsPromise implements Forwarding.Acceptor {
    private final String a;
    private Acceptor real;

    AcceptorForgetsPromise(String a, AcceptorState recovered) {
        this.a = a;
        this.real = new Acceptor(a, recovered);
    }

    @Override
    public AcceptorRole real() {
        return real;
    }

    @Override
    public Step<Message> Phase2b(int b, String v) {
        Step<Message> step = real.Phase2b(b, v);
        if (step.enabled()) {
            return step;
        }
        real = new Acceptor(a, new AcceptorState(b, Ballots.NONE, null));
        return real.Phase2b(b, v);
    }
}
