package dev.paxosref.core;

import java.util.function.Supplier;

/**
 * Checks that stay on in production (TigerBeetle style): Java's {@code assert} vanishes without {@code -ea}, so the
 * code uses this instead, in tests, the simulator and the launcher alike. The message is built only on failure and
 * should carry the state that broke the invariant.
 */
public final class Invariant {
    private Invariant() {
    }

    /** Throws IllegalStateException with {@code state}'s message unless {@code holds}. */
    public static void check(boolean holds, Supplier<String> state) {
        if (!holds) {
            throw new IllegalStateException("invariant broken: " + state.get());
        }
    }
}
