package dev.paxosref.sim.mutant;

import dev.paxosref.core.Step;
import dev.paxosref.node.Persistence;
import java.util.Optional;

/**
 * ACCEPTOR_SKIPS_PERSIST, in either protocol: the acceptor's answers (Phase1b, Phase2b) ask to persist nothing, so
 * the node sends its promises and votes without writing them, and a crash forgets them. It wraps the node's
 * persistence port, where every step passes; every other step is committed as it is.
 */
record SkipsPersist<M>(Persistence<M> real) implements Persistence<M> {
    @Override
    public boolean commit(Step<M> step) {
        if (step instanceof Step.Ready<M> r && isAcceptorAnswer(r)) {
            return real.commit(new Step.Ready<>(r.action(), r.recv(), Optional.empty(), r.send(), r.state()));
        }
        return real.commit(step);
    }

    private static boolean isAcceptorAnswer(Step.Ready<?> ready) {
        String action = ready.action().name();
        return action.equals("Phase1b") || action.equals("Phase2b");
    }
}
