package dev.paxosref.trace;

import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.format.TraceSources;
import dev.paxosref.trace.report.EventText;
import dev.paxosref.trace.report.HtmlReport;
import dev.paxosref.trace.report.JsonReport;
import dev.paxosref.trace.report.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The trace checker's public entry points, one per CLI command. Both return the process exit code: 0 every trace
 * valid, 1 some trace diverged, 2 bad input (including an undecided trace). Bad input is reported as
 * file:line:column and what was wrong, never as a stack trace.
 */
public final class TraceCheck {
    private TraceCheck() {}

    /** {@code ./paxos trace check}: checks every trace named by the options and prints one report per trace. */
    public static int check(CheckOptions options, PrintStream out, PrintStream err) {
        List<TraceOutcome> outcomes;
        try {
            outcomes = checkAll(options, new ProgressLine(err));
        } catch (TraceInputException e) {
            err.println("BAD INPUT " + e.getMessage());
            return TraceOutcome.EXIT_BAD_INPUT;
        }
        for (TraceOutcome outcome : outcomes) {
            out.print(options.json() ? JsonReport.of(outcome) + "\n" : TextReport.of(outcome));
        }
        if (options.htmlReport().isPresent()) {
            writeHtml(options.htmlReport().get(), outcomes, err);
        }
        return outcomes.stream().mapToInt(TraceOutcome::exitCode).max().orElse(TraceOutcome.EXIT_VALID);
    }

    /** The outcomes in input order, for callers that want them rather than printed reports (tests, conformance). */
    public static List<TraceOutcome> checkAll(CheckOptions options) {
        return checkAll(options, ProgressLine.silent());
    }

    /** {@code ./paxos trace explain}: prints each trace, merged in causal order, as a readable timeline. */
    public static int explain(List<Path> inputs, PrintStream out, PrintStream err) {
        try {
            TraceLoader loader = new TraceLoader();
            for (TraceSources.Source source : new TraceSources().find(inputs)) {
                Trace trace = loader.load(source);
                out.println(trace.name() + ": spec " + trace.header().spec() + ", " + trace.events().size()
                        + " events, constants " + trace.header().constants());
                out.println(" clock  node   step  recv/sent message ids  -> logged state");
                trace.events().forEach(e -> out.println(EventText.line(e)));
            }
            return TraceOutcome.EXIT_VALID;
        } catch (TraceInputException e) {
            err.println("BAD INPUT " + e.getMessage());
            return TraceOutcome.EXIT_BAD_INPUT;
        }
    }

    private static List<TraceOutcome> checkAll(CheckOptions options, ProgressLine progress) {
        return new CheckRun(options, progress).run();
    }

    private static void writeHtml(Path file, List<TraceOutcome> outcomes, PrintStream err) {
        try {
            Files.writeString(file, HtmlReport.of(outcomes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot write the HTML report " + file + ": " + e.getMessage());
        }
    }
}
