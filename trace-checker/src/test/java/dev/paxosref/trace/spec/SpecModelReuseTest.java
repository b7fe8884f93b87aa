package dev.paxosref.trace.spec;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.paxosref.trace.gen.RandomPaxosTraceGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM loads a model once for consecutive checks of it, and again after it was told to forget it. */
class SpecModelReuseTest {
    private static final Path SPEC = Path.of("..", "spec", "tla");

    @Test
    void theHeldModelServesTheSameModelAndIsLoadedAgainWhenForgotten(@TempDir Path work) {
        SpecModel first = RandomPaxosTraceGenerator.model(SPEC, work);
        assertSame(first, RandomPaxosTraceGenerator.model(SPEC, work));
        SpecModel.forgetHeld();
        assertNotSame(first, RandomPaxosTraceGenerator.model(SPEC, work));
    }
}
