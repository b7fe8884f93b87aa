package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared model's load starts at the second header naming a module, which is exactly when CheckRun makes that
 * module's traces one group, and only once: TLC holds one model per JVM.
 */
class AnyHeaderStartTest {
    private final List<Trace> started = new ArrayList<>();
    private final AnyHeaderStart anyHeader = new AnyHeaderStart(first -> {
        started.add(first);
        return new ModelLoad(() -> null, first.header().origin());
    });

    @Test
    void startsAtTheSecondHeaderOfAModuleWithItsFirstTrace() {
        Trace first = trace("a", "Paxos", 2);
        anyHeader.opened(first);
        anyHeader.opened(trace("b", "Paxos", 2)); // the same header: one model of its own serves both
        anyHeader.opened(trace("c", "MultiPaxos", 3));
        assertTrue(started.isEmpty(), "no module has two headers yet");

        anyHeader.opened(trace("d", "Paxos", 3));
        assertEquals(List.of(first), started);
        assertTrue(anyHeader.startedFor("Paxos"));
        assertFalse(anyHeader.startedFor("MultiPaxos"));
    }

    @Test
    void startsOneLoadOnlyAndLoadsOtherModulesWhenAsked() {
        anyHeader.opened(trace("a", "Paxos", 2));
        anyHeader.opened(trace("b", "Paxos", 3));
        ModelLoad paxos = anyHeader.loadFor("Paxos", trace("a", "Paxos", 2));
        anyHeader.opened(trace("c", "MultiPaxos", 2));
        anyHeader.opened(trace("d", "MultiPaxos", 3));
        assertEquals(1, started.size(), "a second module's load waits until its group is checked");
        assertSame(paxos, anyHeader.loadFor("Paxos", trace("a", "Paxos", 2)), "the early load is the one used");

        Trace multi = trace("c", "MultiPaxos", 2);
        assertNotSame(paxos, anyHeader.loadFor("MultiPaxos", multi));
        assertEquals(multi, started.get(1));
    }

    private static Trace trace(String name, String spec, int proposers) {
        return new Trace(name, new TraceHeader(spec, Map.of("NumProposers", IntNode.valueOf(proposers)), true, false,
                new SourceLocation(name, 1, 0)), List.of());
    }
}
