package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The first module's signature is read as soon as a trace is opened; the shared model's load starts at the second
 * header naming a module, which is exactly when CheckRun makes that module's traces one group, only once (TLC holds
 * one model per JVM), and never before the signature's parse has ended (SANY parses on one thread at a time).
 */
class EarlyLoadsTest {
    private final List<Trace> signaturesRead = new CopyOnWriteArrayList<>();
    private final List<Trace> started = new ArrayList<>();
    private final EarlyLoads early = new EarlyLoads(this::readSlowly, first -> {
        started.add(first);
        return () -> {
            assertEquals(1, signaturesRead.size(), "the model loads after the signature's parse");
            return null;
        };
    }, true);

    @Test
    void startsAtTheSecondHeaderOfAModuleWithItsFirstTrace() {
        Trace first = trace("a", "Paxos", 2);
        early.opened(first);
        early.awaitSignature();
        assertEquals(List.of(first), signaturesRead);
        early.opened(trace("b", "Paxos", 2)); // the same header: one model of its own serves both
        early.opened(trace("c", "MultiPaxos", 3));
        assertTrue(started.isEmpty(), "no module has two headers yet");

        early.opened(trace("d", "Paxos", 3));
        assertEquals(List.of(first), started);
        assertTrue(early.startedFor("Paxos"));
        assertFalse(early.startedFor("MultiPaxos"));
        assertNull(early.loadFor("Paxos", first).get(first.header()), "the load ran, after the signature's");
        assertEquals(1, signaturesRead.size(), "one module's signature is read early");
    }

    @Test
    void loadsNoSharedModelWhenModelsAreNotShared() {
        EarlyLoads perHeader = new EarlyLoads(signaturesRead::add, first -> {
            started.add(first);
            return () -> null;
        }, false);
        perHeader.opened(trace("a", "Paxos", 2));
        perHeader.opened(trace("b", "Paxos", 3));
        perHeader.awaitSignature();
        assertEquals(1, signaturesRead.size());
        assertTrue(started.isEmpty(), "with silent steps or in TLC mode each header gets its own model");
    }

    @Test
    void startsOneLoadOnlyAndLoadsOtherModulesWhenAsked() {
        early.opened(trace("a", "Paxos", 2));
        early.opened(trace("b", "Paxos", 3));
        ModelLoad paxos = early.loadFor("Paxos", trace("a", "Paxos", 2));
        early.opened(trace("c", "MultiPaxos", 2));
        early.opened(trace("d", "MultiPaxos", 3));
        assertEquals(1, started.size(), "a second module's load waits until its group is checked");
        assertSame(paxos, early.loadFor("Paxos", trace("a", "Paxos", 2)), "the early load is the one used");
        early.awaitEnd();
        assertTrue(paxos.isDone(), "a run that ends early leaves no load behind");
        assertNull(paxos.get(trace("a", "Paxos", 2).header()), "started during the signature's parse, it ran after");

        Trace multi = trace("c", "MultiPaxos", 2);
        assertNotSame(paxos, early.loadFor("MultiPaxos", multi));
        assertEquals(multi, started.get(1));
    }

    /** A signature read that takes a while, as a SANY parse does, so that a load not waiting for it runs first. */
    private void readSlowly(Trace trace) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signaturesRead.add(trace);
    }

    private static Trace trace(String name, String spec, int proposers) {
        return new Trace(name, new TraceHeader(spec, Map.of("NumProposers", IntNode.valueOf(proposers)), true, false,
                new SourceLocation(name, 1, 0)), List.of());
    }
}
