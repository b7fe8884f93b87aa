package dev.paxosref.trace;

import java.io.PrintStream;

/**
 * A single, rewritten status line for runs over many traces, at most a few times a second so that printing never
 * costs more than checking. Silent for a single trace.
 */
final class ProgressLine {
    private static final long REFRESH_NANOS = 250_000_000L;

    private final PrintStream out;
    private int total;
    private int done;
    private int diverged;
    private int badInput;
    private long lastPrintNanos;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    static ProgressLine silent() {
        return new ProgressLine(null);
    }

    synchronized void start(int traces) {
        total = traces;
    }

    synchronized void advance(TraceOutcome outcome) {
        done++;
        diverged += outcome.exitCode() == TraceOutcome.EXIT_DIVERGED ? 1 : 0;
        badInput += outcome.exitCode() == TraceOutcome.EXIT_BAD_INPUT ? 1 : 0;
        long now = System.nanoTime();
        if (now - lastPrintNanos > REFRESH_NANOS || done == total) {
            lastPrintNanos = now;
            print();
        }
    }

    synchronized void finish() {
        if (isVisible()) {
            out.println();
        }
    }

    private void print() {
        if (isVisible()) {
            out.printf("\rchecked %d/%d traces: %d diverged, %d bad input", done, total, diverged, badInput);
            out.flush();
        }
    }

    private boolean isVisible() {
        return out != null && total > 1;
    }
}
