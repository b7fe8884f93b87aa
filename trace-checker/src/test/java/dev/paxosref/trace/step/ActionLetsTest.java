package dev.paxosref.trace.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.sim.FaultProfile;
import dev.paxosref.sim.Protocol;
import dev.paxosref.sim.SimulationRunner;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceMerger;
import dev.paxosref.trace.format.TraceReader;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.SpecModel;
import dev.paxosref.trace.spec.TlaToJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;

/**
 * Binding an action's LET definitions changes no step: at every event of Multi-Paxos and MultiPaxosReconfig
 * simulator traces, TLC's successors of the event's action with its LETs bound (ActionLets) are exactly those
 * without, from every state the checker keeps. The traces are stepped as StepChecker steps them, network steps
 * included, so the states compared are those the checker meets.
 */
class ActionLetsTest {
    private static final int SEEDS = 3;
    private static final Path SPEC = Path.of("..", "spec", "tla");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void multiPaxos() throws IOException {
        boundLetsGiveTheSuccessorsTheSpecGives(FaultProfile.DEFAULT, "MultiPaxos");
    }

    @Test
    void multiPaxosReconfig() throws IOException {
        boundLetsGiveTheSuccessorsTheSpecGives(FaultProfile.RECONFIG, "MultiPaxosReconfig");
    }

    private void boundLetsGiveTheSuccessorsTheSpecGives(FaultProfile faults, String spec) throws IOException {
        long first = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - SEEDS);
        System.out.println("ActionLetsTest " + spec + ": seeds " + first + ".." + (first + SEEDS - 1));
        SimulationRunner.Summary run = SimulationRunner.run(Protocol.MULTI, first, SEEDS, faults, Set.of(), dir,
                QUIET);
        assertEquals(List.of(), run.failures());
        List<Path> traces;
        try (Stream<Path> list = Files.list(dir)) {
            traces = list.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(SEEDS, traces.size());
        int stepsWithLets = 0;
        for (Path trace : traces) {
            stepsWithLets += compareEveryStep(read(trace), spec);
        }
        assertTrue(stepsWithLets > 0, "no event's action had a LET to bind");
    }

    /** Steps the trace as StepChecker does, comparing each event's successors; returns the steps with LETs bound. */
    private int compareEveryStep(Trace trace, String spec) {
        assertEquals(spec, trace.header().spec());
        SpecModel model = SpecModel.load(ModuleSignature.read(SPEC.resolve(spec + ".tla")), trace.header(),
                Path.of("target", "trace-checker-test").toAbsolutePath());
        SpecConventions conventions = model.conventions();
        JsonToTla toTla = new JsonToTla(conventions);
        LoggedStepFilter filter = new LoggedStepFilter(new LoggedValueMatcher(toTla), conventions, model.tool(),
                new ChangeLog(model.signature().variables(), conventions.messagesVariable(), new TlaToJson(conventions),
                        toTla));
        Successors successors = new Successors(model.tool(), filter);
        NetworkSteps network = new NetworkSteps(model, (SpecConventions.BagNetwork) conventions.network(),
                successors, toTla);
        ActionLets lets = new ActionLets();
        NetworkPlan plan = new NetworkPlan(trace.events().iterator(), Integer.MAX_VALUE);
        List<TLCState> candidates = model.initialStates();
        int stepsWithLets = 0;
        while (plan.hasNext()) {
            TraceEvent event = plan.next();
            PreparedEvent step = PreparedEvent.of(event, model, toTla, trace.header());
            candidates = network.before(plan.around(), candidates, step);
            Action bound = lets.bound(step.action());
            for (TLCState pre : candidates) {
                assertEquals(fingerprints(model.tool().getNextStates(step.action(), pre)),
                        fingerprints(model.tool().getNextStates(bound, pre)), event::describeStep);
            }
            stepsWithLets += bound == step.action() ? 0 : 1;
            List<TLCState> next = successors.agreeingWith(step, candidates);
            assertFalse(next.isEmpty(), () -> "a simulator trace diverged at " + event.describeStep());
            candidates = network.after(plan.around(), next, step);
        }
        return stepsWithLets;
    }

    private static Set<Long> fingerprints(StateVec states) {
        return Stream.iterate(0, i -> i < states.size(), i -> i + 1).map(i -> states.elementAt(i).fingerPrint())
                .collect(Collectors.toSet());
    }

    private static Trace read(Path trace) throws IOException {
        try (Stream<Path> list = Files.list(trace)) {
            return new TraceMerger().merge(trace.toString(), new TraceReader().readAll(
                    list.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()));
        }
    }
}
