package dev.paxosref.mc;

import tlc2.TLCGlobals;
import tlc2.tool.ModelChecker;

/**
 * The main class of the JVM the runner starts for each TLC run. TLC reports progress only once a minute; this
 * prints {@code @@progress generated distinct queue depth} every two seconds from TLC's own counters, then hands
 * over to {@code tlc2.TLC}, which exits the JVM when done.
 */
public final class TlcLauncher {

    static final String PROGRESS_PREFIX = "@@progress ";
    private static final long PROGRESS_INTERVAL_MS = 2_000;

    private TlcLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Thread reporter = new Thread(TlcLauncher::reportProgress, "tlc-progress");
        reporter.setDaemon(true);
        reporter.start();
        tlc2.TLC.main(args);
    }

    private static void reportProgress() {
        try {
            while (true) {
                Thread.sleep(PROGRESS_INTERVAL_MS);
                if (TLCGlobals.mainChecker instanceof ModelChecker checker) {
                    System.out.println(PROGRESS_PREFIX + checker.getStatesGenerated() + " "
                            + checker.getDistinctStatesGenerated() + " " + checker.getStateQueueSize() + " "
                            + checker.getProgress());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
