package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Invariants are always on: they throw with the state that broke them, with or without -ea. */
class InvariantTest {

    @Test
    void aBrokenInvariantThrowsWithTheStateInItsMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new Message.Msg1b("a2", 3, 5, "v"));
        assertEquals("invariant broken: 1b from a2: mbal 5 must be below bal 3", e.getMessage());
        Invariant.check(true, () -> {
            throw new AssertionError("the message is built only on failure");
        });
    }

    /** The core loaded afresh with assertions disabled, as {@code ./paxos} runs it, still refuses a bad message. */
    @Test
    void aBrokenInvariantThrowsWithoutEa() throws ReflectiveOperationException {
        URL coreClasses = Invariant.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutEa = new URLClassLoader(new URL[] {coreClasses},
            ClassLoader.getPlatformClassLoader())) {
            withoutEa.setDefaultAssertionStatus(false);
            Class<?> msg2a = withoutEa.loadClass("dev.paxosref.core.Message$Msg2a");
            assertFalse(msg2a.desiredAssertionStatus(), "assertions are off in this loader");
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> msg2a.getConstructor(int.class, String.class).newInstance(-1, "v"));
            assertEquals(IllegalStateException.class.getName(), e.getCause().getClass().getName());
            assertEquals("invariant broken: 2a -1 v", e.getCause().getMessage());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
