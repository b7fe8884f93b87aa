package dev.paxosref.mc;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.LongAdder;
import tlc2.TLCGlobals;
import tlc2.tool.ModelChecker;
import tlc2.tool.Simulator;

/**
 * The main class of the JVM the runner starts for each TLC run. TLC reports progress only once a minute; this
 * prints {@code @@progress generated distinct queue depth} every two seconds from TLC's own counters, then hands
 * over to {@code tlc2.TLC}, which exits the JVM when done.
 *
 * <p>For a soak run ({@code -simulate}, with the system property {@value #SOAK_SECONDS}), TLC 2.18 simulates until
 * a violation or forever; this stops its simulator after that many seconds, and as the JVM exits, however the run
 * ended, prints {@code @@soak traces states}: TLC's own final report leaves out the number of traces.
 */
public final class TlcLauncher {

    /** Starts every line this class prints, so that the runner tells them from TLC's. */
    static final String MARKER = "@@";
    static final String PROGRESS_PREFIX = MARKER + "progress ";
    static final String SOAK_PREFIX = MARKER + "soak ";
    static final String SOAK_SECONDS = "paxos.soak.seconds";
    private static final long PROGRESS_INTERVAL_MS = 2_000;

    private TlcLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Long soakSeconds = Long.getLong(SOAK_SECONDS);
        if (soakSeconds == null) {
            daemon(TlcLauncher::reportProgress, "tlc-progress");
        } else {
            daemon(() -> stopSimulationAfter(soakSeconds), "tlc-soak-timer");
            Runtime.getRuntime().addShutdownHook(new Thread(TlcLauncher::reportSoak, "tlc-soak-report"));
        }
        tlc2.TLC.main(args);
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
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

    /**
     * Interrupts the simulation workers once the time is up; TLC then ends the run as if it had run out of traces,
     * with exit code 0. It interrupts again every half second until the JVM exits: a worker TLC has not started
     * yet (while it parses the spec or computes the initial states) does not notice an interrupt.
     */
    private static void stopSimulationAfter(long seconds) {
        try {
            Thread.sleep(seconds * 1_000);
            while (true) {
                if (TLCGlobals.simulator != null) {
                    TLCGlobals.simulator.stop();
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reportSoak() {
        Simulator simulator = TLCGlobals.simulator;
        if (simulator != null) {
            System.out.println(SOAK_PREFIX + counter(simulator, "numOfGenTraces") + " "
                    + counter(simulator, "numOfGenStates"));
        }
    }

    /** TLC 2.18 keeps the simulator's counters private and never prints the number of traces. */
    private static long counter(Simulator simulator, String field) {
        try {
            Field f = Simulator.class.getDeclaredField(field);
            f.setAccessible(true);
            return ((LongAdder) f.get(simulator)).sum();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TLC's Simulator has no counter " + field + "; was TLC upgraded?", e);
        }
    }
}
