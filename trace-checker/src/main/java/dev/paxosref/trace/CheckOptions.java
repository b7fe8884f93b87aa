package dev.paxosref.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code ./paxos trace check} takes, free of any CLI library so the command is a thin mapping.
 *
 * @param inputs         trace files, per-node {@code *.trace} directories, or directories to search
 * @param mode           stepping TLC's evaluator (the default) or TLC as referee on a generated trace spec
 * @param spec           the .tla module, or a directory holding {@code <header spec>.tla}
 * @param htmlReport     where to write a self-contained HTML report with a sequence diagram, if anywhere
 * @param json           print one JSON object per trace instead of text
 * @param jobs           traces checked in parallel
 * @param maxSilentSteps unlogged spec steps allowed between two logged events (partial logs)
 * @param maxCandidates  candidate states kept when the log leaves the state open
 * @param workDir        where generated models and TLC metadata go; under target/ in the build
 * @param lookaheadEvents stepping mode reads a trace as a stream and looks this many events ahead for the network's
 *                       unlogged steps; memory grows with it, not with the trace
 */
public record CheckOptions(List<Path> inputs, Mode mode, Path spec, Optional<Path> htmlReport, boolean json,
                           int jobs, int maxSilentSteps, int maxCandidates, Path workDir, int lookaheadEvents) {

    public enum Mode { STEP, TLC }

    public static final int MAX_CANDIDATES_DEFAULT = 1024;

    /**
     * Far more than a message's mentions are apart in the simulator's seeds (a retry, a duplicate delivered late),
     * and about 50 MB of events in memory. A long run with partitions throughout can need more (the benchmark's
     * 1M-event Multi-Paxos run does); the checker then says so and names the receive.
     */
    public static final int LOOKAHEAD_EVENTS_DEFAULT = 10_000;

    public CheckOptions {
        inputs = List.copyOf(inputs);
        if (jobs < 1 || maxSilentSteps < 0 || maxCandidates < 1 || lookaheadEvents < 1) {
            throw new IllegalArgumentException("jobs, max candidates and look-ahead must be positive, "
                    + "max silent steps >= 0");
        }
    }

    /** The same with the default look-ahead. */
    public CheckOptions(List<Path> inputs, Mode mode, Path spec, Optional<Path> htmlReport, boolean json, int jobs,
                        int maxSilentSteps, int maxCandidates, Path workDir) {
        this(inputs, mode, spec, htmlReport, json, jobs, maxSilentSteps, maxCandidates, workDir,
                LOOKAHEAD_EVENTS_DEFAULT);
    }

    /** Step mode on the repository's spec directory, one job, no silent steps, text output. */
    public static CheckOptions defaults(List<Path> inputs) {
        return new CheckOptions(inputs, Mode.STEP, Path.of("spec", "tla"), Optional.empty(), false, 1, 0,
                MAX_CANDIDATES_DEFAULT, Path.of("target", "trace-checker"));
    }
}
