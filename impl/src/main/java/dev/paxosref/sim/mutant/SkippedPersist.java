package dev.paxosref.sim.mutant;

import dev.paxosref.core.Step;
import java.util.Optional;

/** ACCEPTOR_SKIPS_PERSIST's one change: the step asks to persist nothing. */
final class SkippedPersist {
    private SkippedPersist() {
    }

    static <M> Step<M> of(Step<M> step) {
        return step instanceof Step.Ready<M> r
            ? new Step.Ready<>(r.action(), r.recv(), Optional.empty(), r.send(), r.state()) : step;
    }
}
