package dev.paxosref.trace.referee;

import dev.paxosref.trace.TraceChecker;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.report.Explanation;
import dev.paxosref.trace.report.Verdict;
import dev.paxosref.trace.spec.EvaluationError;
import dev.paxosref.trace.spec.ModelConfig;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The referee mode: an independent check by TLC's own model checker on a generated trace spec, run in a fresh JVM.
 * Slow, but it shares nothing with the stepping mode beyond the trace parser, so the two agreeing means something.
 */
public final class RefereeChecker implements TraceChecker {
    /** The line TLC prints before the message of an evaluation error. */
    private static final String UNEXPECTED_EXCEPTION = "The exception was a ";
    /** The trace spec's index into the log, 1-based, in a state of the behaviour TLC prints with an error. */
    private static final Pattern TRACE_INDEX = Pattern.compile("^/\\\\ tl = (\\d+)$");
    private static final Pattern REACHED = Pattern.compile("<<\"" + TraceSpecWriter.REACHED_MARKER + "\", (\\d+)>>");
    /** TLC's final count (its progress lines put the rates between the two numbers). */
    private static final Pattern STATE_COUNTS =
            Pattern.compile("^([\\d,]+) states generated, ([\\d,]+) distinct states found.*");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final ModuleSignature signature;
    private final SpecConventions conventions;
    private final TraceSpecWriter writer;
    private final Path workDir;
    private final int maxSilentSteps;

    public RefereeChecker(ModuleSignature signature, SpecConventions conventions, Path workDir, int maxSilentSteps) {
        this.signature = signature;
        this.conventions = conventions;
        this.writer = new TraceSpecWriter(conventions);
        this.workDir = workDir;
        this.maxSilentSteps = maxSilentSteps;
    }

    @Override
    public Verdict check(Trace trace) {
        return run(trace).verdict();
    }

    /**
     * A check's verdict and TLC's final counts of states generated (a state reached again counts again) and of
     * distinct states: measures of the referee's work that do not depend on the machine. A trace spec that leaves
     * TLC choices the log does not need grows them.
     */
    record Run(Verdict verdict, StateCounts states) {}

    /** TLC's final count; -1 each if it printed none. */
    record StateCounts(long generated, long distinct) {}

    Run run(Trace trace) {
        Path runDir = writeRun(trace);
        Outcome outcome = new Outcome();
        TlcProcess.Result result = new TlcProcess().run(runDir, TraceSpecWriter.MODULE,
                signature.specFile().toAbsolutePath().getParent(), outcome);
        if (!outcome.noError) {
            throw failure(trace, result, runDir);
        }
        if (outcome.reached > trace.events().size()) { // tl is 1-based and names the next event to explain
            return new Run(new Verdict.Valid(trace.events().size()), outcome.states);
        }
        TraceEvent event = trace.events().get(outcome.reached - 1);
        return new Run(new Verdict.Diverged(outcome.reached - 1, Explanation.summaryOnly("no behaviour of "
                + signature.moduleName() + " explains " + event.describeStep() + " after the events before it")),
                outcome.states);
    }

    private Path writeRun(Trace trace) {
        Path runDir = workDir.resolve("referee-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet());
        String cfg = ModelConfig.constantsSection(trace.header(), signature, conventions.overrides())
                + "INIT TraceInit\nNEXT TraceNext\n";
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(TraceSpecWriter.MODULE + ".tla"),
                    writer.module(trace, signature, maxSilentSteps), StandardCharsets.UTF_8);
            Files.writeString(runDir.resolve(TraceSpecWriter.MODULE + ".cfg"), cfg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace spec under " + workDir, e);
        }
        return runDir;
    }

    /**
     * What TLC's output says of the run, read line by line as it comes (a long trace prints more lines than
     * TlcProcess keeps): the highest trace index {@code tl} reached (the initial state has 1), whether TLC ended
     * without an error (having explored every state, or stopped at the trace's end), and its final state count.
     */
    private static final class Outcome implements Consumer<String> {
        private int reached = 1;
        private boolean noError;
        private StateCounts states = new StateCounts(-1, -1);

        @Override
        public void accept(String line) {
            Matcher index = REACHED.matcher(line);
            Matcher count = STATE_COUNTS.matcher(line);
            if (index.find()) {
                reached = Math.max(reached, Integer.parseInt(index.group(1)));
            } else if (line.contains("No error has been found")) {
                noError = true;
            } else if (count.matches()) {
                states = new StateCounts(Long.parseLong(count.group(1).replace(",", "")),
                        Long.parseLong(count.group(2).replace(",", "")));
            }
        }
    }

    /**
     * TLC stopped with an error. An evaluation error is blamed on the event TLC was stepping: the trace index
     * {@code tl} of the last state of the behaviour TLC prints names it. Anything else is the header's.
     */
    private static TraceInputException failure(Trace trace, TlcProcess.Result result, Path runDir) {
        List<String> output = result.output();
        int start = -1;
        int event = -1;
        for (int i = 0; i < output.size(); i++) {
            if (start < 0 && output.get(i).startsWith(UNEXPECTED_EXCEPTION)) {
                start = i + 1;
            }
            Matcher index = TRACE_INDEX.matcher(output.get(i));
            if (index.matches()) {
                event = Integer.parseInt(index.group(1)) - 1;
            }
        }
        if (start < 0 || event < 0 || event >= trace.events().size()) {
            return new TraceInputException(trace.header().origin(), "TLC failed on the trace spec in " + runDir
                    + ": " + firstError(result));
        }
        StringBuilder message = new StringBuilder();
        for (int i = start; i < output.size() && !output.get(i).startsWith("<<")
                && !output.get(i).startsWith("Error"); i++) {
            message.append(message.isEmpty() ? "" : "\n").append(output.get(i).replaceFirst("^: ", ""));
        }
        return EvaluationError.at(trace.events().get(event), message.toString());
    }

    private static String firstError(TlcProcess.Result result) {
        for (int i = 0; i < result.output().size(); i++) {
            if (result.output().get(i).startsWith("Error") || result.output().get(i).contains("Exception")) {
                return String.join(" ", result.output().subList(i, Math.min(i + 4, result.output().size())));
            }
        }
        return "exit code " + result.exitCode();
    }
}
