package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.paxosref.trace.report.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The hand-written trace corpus: every trace (a .ndjson file or a per-node .trace directory) has a sidecar
 * {@code <name>.expect.properties} with its expected verdict and divergence or error location.
 */
record Corpus(Path trace, Properties expect) {
    static final Path ROOT = Path.of("src", "test", "resources", "traces");
    static final Path SPEC = Path.of("..", "spec", "tla");
    static final Path WORK = Path.of("target", "trace-checker-test");

    static List<Corpus> in(String folder) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".ndjson") || p.toString().endsWith(".trace"))
                    .sorted().map(Corpus::withExpectation).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The referee read every trace and agrees with stepping mode: the same verdict, a divergence at the same event. */
    static void assertSameVerdicts(List<TraceOutcome> stepped, List<TraceOutcome> refereed) {
        assertEquals(stepped.size(), refereed.size());
        for (int i = 0; i < stepped.size(); i++) {
            TraceOutcome r = refereed.get(i);
            assertNull(r.inputError(), () -> "referee: " + r.inputError().getMessage());
            Verdict s = stepped.get(i).verdict();
            assertEquals(s.getClass(), r.verdict().getClass(), stepped.get(i).name());
            if (s instanceof Verdict.Diverged sd) {
                assertEquals(sd.eventIndex(), ((Verdict.Diverged) r.verdict()).eventIndex(), stepped.get(i).name());
            }
        }
    }

    /** For each trace that diverged, by name, the action of its first divergent event. */
    static Map<String, String> divergentActions(List<TraceOutcome> outcomes) {
        Map<String, String> actions = new LinkedHashMap<>();
        for (TraceOutcome outcome : outcomes) {
            if (outcome.verdict() instanceof Verdict.Diverged diverged) {
                actions.put(outcome.name(), outcome.trace().events().get(diverged.eventIndex()).action());
            }
        }
        return actions;
    }

    static CheckOptions options(List<Path> inputs) {
        return options(inputs, CheckOptions.Mode.STEP, 0, 1, false);
    }

    static CheckOptions options(List<Path> inputs, CheckOptions.Mode mode, int maxSilentSteps, int jobs, boolean json) {
        return new CheckOptions(inputs, mode, SPEC, Optional.empty(), json, jobs, maxSilentSteps,
                CheckOptions.MAX_CANDIDATES_DEFAULT, WORK);
    }

    int maxSilentSteps() {
        return Integer.parseInt(expect.getProperty("maxSilentSteps", "0"));
    }

    String name() {
        return trace.getFileName().toString();
    }

    private static Corpus withExpectation(Path trace) {
        Properties expect = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(trace + ".expect.properties"))) {
            expect.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("every corpus trace needs a sidecar: " + trace, e);
        }
        return new Corpus(trace, expect);
    }
}
