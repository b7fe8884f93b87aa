package dev.paxosref.cli;

import dev.paxosref.mc.Model;
import dev.paxosref.mc.ModelCheckResult;
import dev.paxosref.mc.ModelCheckRunner;
import dev.paxosref.mc.Progress;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows a model check as it runs: one line when a model starts, live counters for runs longer than a few seconds
 * (rewritten in place on a terminal, a line every ten seconds otherwise), and one line when it ends, followed by
 * one line per coverage witness.
 */
final class McProgressPrinter implements ModelCheckRunner.Listener {

    private static final Duration QUIET_START = Duration.ofSeconds(4);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private Duration lastLogged = Duration.ZERO;
    private boolean lineOpen;

    McProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(Model model) {
        lastLogged = Duration.ZERO;
        out.printf("%s (%s): %s%n", model.name(), model.tier(), model.description());
    }

    @Override
    public void progress(Model model, Progress p) {
        if (p.elapsed().compareTo(QUIET_START) < 0) {
            return;
        }
        String line = String.format("  %s: %,d distinct states, %,d/s, %,d on queue, depth %d, %s",
                model.name(), p.distinctStates(), p.distinctPerSecond(), p.queueSize(), p.depth(),
                McReport.duration(p.elapsed()));
        if (terminal) {
            out.print("\r" + line + "   ");
            lineOpen = true;
        } else if (p.elapsed().minus(lastLogged).compareTo(LOG_EVERY) >= 0) {
            out.println(line);
            lastLogged = p.elapsed();
        }
    }

    @Override
    public void finished(ModelCheckResult result) {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.printf("  %s %s: %s, %,d distinct states, depth %d, %s%s%n",
                result.asExpected() ? "ok  " : "FAIL", result.model().name(), result.verdict(),
                result.distinctStates(), result.depth(), McReport.duration(result.elapsed()), McReport.mismatch(result));
        printCoverage(result);
    }

    /** One line per coverage witness: reached or not, and what it stands for. */
    private void printCoverage(ModelCheckResult result) {
        for (String witness : result.coverage().witnesses()) {
            boolean reached = result.coverage().reached().contains(witness);
            out.printf("       %-11s %s: %s%n", reached ? "reached" : "NOT REACHED", witness,
                    result.model().witnessDescription(witness));
        }
    }
}
