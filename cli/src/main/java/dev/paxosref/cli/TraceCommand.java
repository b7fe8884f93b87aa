package dev.paxosref.cli;

import dev.paxosref.trace.CheckOptions;
import dev.paxosref.trace.TraceCheck;
import dev.paxosref.trace.TraceOutcome;
import dev.paxosref.trace.report.TextReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./paxos trace}: replays execution logs against the TLA+ spec. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Check execution traces against the spec, or print them as a timeline.",
        subcommands = {TraceCommand.Check.class, TraceCommand.Explain.class})
final class TraceCommand {

    private static Path repo() {
        return Path.of(System.getProperty("paxos.home", "."));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Replay traces (trace-checker/TRACE-FORMAT.md) against the spec and report the first",
                    "divergence: the event, its node and line, the guard conjuncts that failed, the variables that",
                    "differ, and the events before it."},
            footer = {"", "Every trace gets its own verdict; the exit code is the worst of them:",
                    "  0 every trace valid, 1 some trace diverged,",
                    "  2 some trace was bad input (file:line:column: the problem) or undecided."})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
                description = "A trace file, a *.trace directory of per-node files, or a directory to search.")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--mode", defaultValue = "step",
                description = "step: step TLC's evaluator event by event (default); tlc: TLC as referee on a generated trace spec.")
        String mode;

        @Option(names = "--spec", paramLabel = "PATH",
                description = "The .tla module, or a folder with <header spec>.tla (default: spec/tla).")
        Path spec;

        @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report.")
        Path report;

        @Option(names = "--json", description = "One JSON object per trace instead of text.")
        boolean json;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Traces checked in parallel.")
        int jobs;

        @Option(names = "--summary", description = "Report only traces that are not valid, then one line of totals.")
        boolean summary;

        @Option(names = "--max-silent-steps", paramLabel = "N", defaultValue = "0",
                description = "Unlogged spec steps allowed between logged events, for partial logs.")
        int maxSilentSteps;

        @Option(names = "--lookahead-events", paramLabel = "N", defaultValue = "10000",
                description = "Step mode reads traces as a stream, looking N events ahead for the network's unlogged "
                        + "steps; memory grows with N, not with the trace.")
        int lookaheadEvents;

        @Override
        public Integer call() {
            CheckOptions.Mode checkMode = switch (mode) {
                case "step" -> CheckOptions.Mode.STEP;
                case "tlc" -> CheckOptions.Mode.TLC;
                default -> throw new IllegalArgumentException("--mode must be step or tlc, not '" + mode + "'");
            };
            CheckOptions options = new CheckOptions(inputs, checkMode,
                    spec != null ? spec : repo().resolve("spec").resolve("tla"), Optional.ofNullable(report), json,
                    jobs, maxSilentSteps, CheckOptions.MAX_CANDIDATES_DEFAULT,
                    repo().resolve("trace-checker").resolve("target").resolve("work"), lookaheadEvents);
            return summary ? summarize(options) : TraceCheck.check(options, System.out, System.err);
        }

        private static int summarize(CheckOptions options) {
            List<TraceOutcome> outcomes = TraceCheck.checkAll(options);
            outcomes.stream().filter(o -> o.exitCode() != TraceOutcome.EXIT_VALID)
                    .forEach(o -> System.out.print(TextReport.of(o)));
            long events = outcomes.stream().mapToLong(TraceOutcome::events).sum();
            System.out.printf("%d traces, %,d events: %d valid, %d diverged, %d bad input%n", outcomes.size(), events,
                    count(outcomes, TraceOutcome.EXIT_VALID), count(outcomes, TraceOutcome.EXIT_DIVERGED),
                    count(outcomes, TraceOutcome.EXIT_BAD_INPUT));
            return outcomes.stream().mapToInt(TraceOutcome::exitCode).max().orElse(TraceOutcome.EXIT_VALID);
        }

        private static long count(List<TraceOutcome> outcomes, int exitCode) {
            return outcomes.stream().filter(o -> o.exitCode() == exitCode).count();
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Print traces, merged in causal order, as a readable timeline.",
            footer = {"", "Exit codes: 0 printed, 2 bad input (file:line:column)."})
    static final class Explain implements Callable<Integer> {

        @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Trace files or directories.")
        List<Path> inputs = new ArrayList<>();

        @Override
        public Integer call() {
            return TraceCheck.explain(inputs, System.out, System.err);
        }
    }
}
