package dev.paxosref.trace.bench;

import dev.paxosref.trace.CheckOptions;
import dev.paxosref.trace.CheckOptions.Mode;
import dev.paxosref.trace.TraceCheck;
import dev.paxosref.trace.TraceOutcome;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceMerger;
import dev.paxosref.trace.format.TraceReader;
import dev.paxosref.trace.format.TraceStream;
import dev.paxosref.trace.gen.RandomPaxosTraceGenerator;
import dev.paxosref.trace.report.Verdict;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecModel;
import dev.paxosref.trace.step.StepChecker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prints events/s, process CPU seconds and heap of both modes on traces of growing length (end to end, and for
 * stepping mode also the stepping loop alone, row "steps", and reading alone, row "read"), the stepping/referee
 * ratio, and at the end a table of them all. A first check, untimed, warms the JVM up. End to end is measured
 * first with the model loaded anew (the model TLC holds is forgotten first) and then, up to 100,000 events, with
 * the model held from that run (as for every later trace of one model in one run), the fastest of three runs.
 * Then traces/s on a directory of many short traces, all with one header and each with its own. The traces: first
 * single-decree ones generated from Paxos.tla, then Multi-Paxos ones from one long run of the Multi-Paxos
 * simulator each (per-node files, merged by the checker).
 * Not a unit test: run it by hand, from the trace-checker directory, with the test classpath:
 * {@code java -Xmx1g -XX:+UseParallelGC -cp target/classes:target/test-classes:<deps>
 * dev.paxosref.trace.bench.TraceCheckBenchmark
 * [maxEventsForReferee [maxMultiEventsForReferee]]}; {@code -Dbench.multiOnly=true} skips the single-decree
 * traces, {@code -Dbench.eventsMax=N} the single-decree traces longer than N, {@code -Dbench.multiEventsMax=N} the
 * Multi-Paxos traces longer than N, and
 * {@code -Dbench.lookaheadEvents=N} sets the stream's look-ahead window (the 1M-event Multi-Paxos run, with
 * partitions throughout, receives a message 10,000 events after it was last mentioned), and
 * {@code -Dbench.multiRefereeEvents=N} adds a Multi-Paxos run of about N events checked in both modes.
 * The referee's heap is that of its TLC subprocess and is not measured here. Peak heap is the JVM's peak use of its
 * heap pools, garbage included: with a large -Xmx it says more about the collector than about what is live; live
 * heap is the most in use right after a collection (see LiveHeap).
 */
public final class TraceCheckBenchmark {
    private static final Path SPEC = Path.of("..", "spec", "tla");
    private static final Path WORK = Path.of("target", "bench");
    private static final int BALLOTS_MAX = 12;
    private static final int[] EVENTS = {10_000, 100_000, 1_000_000};
    /** End to end with the model held is the fastest of this many runs: the compiler is still at work at first. */
    private static final int HELD_RUNS = 3;
    /** Longer traces are checked end to end once, with the model loaded: a Multi-Paxos one takes minutes. */
    private static final int HELD_EVENTS_MAX = 100_000;
    /** Longer traces are not read whole for the loop-only row. */
    private static final int WHOLE_EVENTS_MAX = 200_000;

    private static final List<Row> ROWS = new ArrayList<>();
    private static boolean warm;

    private TraceCheckBenchmark() {}

    public static void main(String[] args) throws IOException {
        int refereeEventsMax = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int multiRefereeEventsMax = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        boolean multiOnly = Boolean.getBoolean("bench.multiOnly");
        System.out.printf("%-10s %-6s %12s %14s %14s %14s %10s%n", "events", "mode", "seconds", "events/s",
                "peak heap MB", "live heap MB", "CPU s");
        for (int events : multiOnly ? new int[0] : EVENTS) {
            if (events > Integer.getInteger("bench.eventsMax", Integer.MAX_VALUE)) {
                continue;
            }
            Path trace = WORK.resolve("paxos-" + events + ".ndjson");
            if (!Files.exists(trace)) {
                new RandomPaxosTraceGenerator(SPEC, WORK, events, BALLOTS_MAX).write(trace, events);
            }
            measure("single-decree", trace, events, events <= refereeEventsMax);
        }
        if (!multiOnly) {
            Path shared = manyShortTraces(2_000, 50);
            Path own = ownHeaders(shared);
            measureMany(own, "a header each, first in this JVM");
            measureMany(shared, "one header");
            measureMany(own, "a header each, again");
        }
        System.out.println("Multi-Paxos: one long simulator run each (default faults throughout), MultiPaxos.tla");
        int multiShort = Integer.getInteger("bench.multiRefereeEvents", 0);
        if (multiShort > 0) {
            // A short run, for the referee's ratio where the long rows skip it (their second argument).
            Path trace = MultiPaxosLongRun.atLeast(multiShort, WORK);
            measure("Multi-Paxos", trace, MultiPaxosLongRun.events(trace), true);
        }
        for (int events : EVENTS) {
            if (events > Integer.getInteger("bench.multiEventsMax", Integer.MAX_VALUE)) {
                continue;
            }
            Path trace = MultiPaxosLongRun.atLeast(events, WORK);
            int logged = MultiPaxosLongRun.events(trace);
            measure("Multi-Paxos", trace, logged, logged <= multiRefereeEventsMax);
        }
        printTable();
    }

    /** One trace's numbers, for the table printed at the end. */
    private record Row(String trace, int events, Timing loaded, Timing held, double loopSeconds, double readSeconds,
                       long liveHeapMb, double refereeSeconds) {}

    /** Wall-clock and process CPU seconds of one run. */
    private record Timing(double seconds, double cpuSeconds) {}

    private static void measure(String kind, Path trace, int events, boolean withReferee) throws IOException {
        if (!warm) { // so that no row counts the JVM's class loading and first compilations
            requireValid(TraceCheck.checkAll(options(List.of(trace), Mode.STEP, 1)));
            warm = true;
        }
        SpecModel.forgetHeld(); // the first run loads the model, as a new JVM would
        Timing loaded = timed(trace, Mode.STEP, events);
        long liveHeapMb = LiveHeap.maxMb();
        Timing held = null;
        for (int run = 0; events <= HELD_EVENTS_MAX && run < HELD_RUNS; run++) {
            Timing again = timed(trace, Mode.STEP, events);
            held = held == null || again.seconds() < held.seconds() ? again : held;
        }
        List<Path> files = filesOf(trace);
        double readSeconds = readOnly(trace, files);
        double loopSeconds = steppingOnly(trace, files, events, loaded.seconds(), readSeconds);
        double refereeSeconds = Double.NaN;
        if (withReferee) {
            refereeSeconds = timed(trace, Mode.TLC, events).seconds();
            System.out.printf("%-10d ratio  referee/step end to end %.0fx, referee/stepping loop %.0fx%n", events,
                    refereeSeconds / loaded.seconds(), refereeSeconds / loopSeconds);
        }
        ROWS.add(new Row(kind, events, loaded, held, loopSeconds, readSeconds, liveHeapMb, refereeSeconds));
    }

    private static Timing timed(Path trace, Mode mode, int events) {
        LiveHeap.reset();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<TraceOutcome> outcomes = TraceCheck.checkAll(options(List.of(trace), mode, 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        requireValid(outcomes);
        System.out.printf("%-10d %-6s %12.2f %14.0f %14s %14s %10.2f%n", events, mode, seconds, events / seconds,
                mode == Mode.STEP ? String.valueOf(peakHeapMb()) : "subprocess",
                mode == Mode.STEP ? String.valueOf(LiveHeap.maxMb()) : "-", cpuSeconds);
        return new Timing(seconds, cpuSeconds);
    }

    private static List<Path> filesOf(Path input) throws IOException {
        try (Stream<Path> list = Files.isDirectory(input) ? Files.list(input) : Stream.of(input)) {
            return list.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    /** The table of every trace measured: what TRACE-FORMAT.md's performance section quotes. */
    private static void printTable() {
        System.out.println();
        System.out.println("| trace | events | end to end, model loaded | the same, model held | loop | read "
                + "| live heap | referee/step end to end |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : ROWS) {
            System.out.printf("| %s | %,d | %s | %s | %,.0f events/s | %,.0f events/s | %d MB | %s |%n", row.trace(),
                    row.events(), rate(row.events(), row.loaded()), row.held() == null ? "-"
                            : rate(row.events(), row.held()), row.events() / row.loopSeconds(),
                    row.events() / row.readSeconds(), row.liveHeapMb(), Double.isNaN(row.refereeSeconds()) ? "-"
                            : String.format("%.0fx", row.refereeSeconds() / row.loaded().seconds()));
        }
    }

    private static String rate(int events, Timing timing) {
        return String.format("%,.0f events/s (%,.0f per CPU s)", events / timing.seconds(),
                events / timing.cpuSeconds());
    }

    /**
     * The stepping loop alone, without reading and merging the files. Up to {@link #WHOLE_EVENTS_MAX} events the
     * trace is read whole first and the loop timed on its own; beyond, holding it whole would take gigabytes, so the
     * loop's time is the end-to-end time less that of reading the trace as a stream (row "read", printed for every
     * trace).
     */
    private static double steppingOnly(Path input, List<Path> files, int events, double endToEndSeconds,
                                       double readSeconds) {
        if (events > WHOLE_EVENTS_MAX) {
            double seconds = endToEndSeconds - readSeconds;
            System.out.printf("%-10d %-6s %12.2f %14.0f %14s%n", events, "steps", seconds, events / seconds,
                    "(e2e - read)");
            return seconds;
        }
        Trace trace = new TraceMerger().merge(input.toString(), new TraceReader().readAll(files));
        SpecModel model = SpecModel.load(ModuleSignature.read(SPEC.resolve(trace.header().spec() + ".tla")),
                trace.header(), WORK.toAbsolutePath());
        StepChecker checker = new StepChecker(model, 0, CheckOptions.MAX_CANDIDATES_DEFAULT);
        long start = System.nanoTime();
        Verdict verdict = checker.check(trace);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(verdict instanceof Verdict.Valid)) {
            throw new IllegalStateException("generated trace must be valid: " + verdict);
        }
        System.out.printf("%-10d %-6s %12.2f %14.0f %14s%n", events, "steps", seconds, events / seconds, "-");
        return seconds;
    }

    /**
     * Reads the trace and nothing else (row "read"), as the checker does: as a stream, or whole and merged if its
     * one file logs several nodes out of clock order, as the generated single-decree traces do. Returns the seconds.
     */
    private static double readOnly(Path input, List<Path> files) {
        long start = System.nanoTime();
        int read = 0;
        try (TraceStream stream = TraceStream.open(input.toString(), files, CheckOptions.LOOKAHEAD_EVENTS_DEFAULT)) {
            for (; stream.hasNext(); read++) {
                stream.next();
            }
        } catch (TraceStream.NotStreamable e) {
            start = System.nanoTime();
            read = new TraceMerger().merge(input.toString(), new TraceReader().readAll(files)).events().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-10d %-6s %12.2f %14.0f %14s%n", read, "read", seconds, read / seconds, "-");
        return seconds;
    }

    /** A directory of {@code traces} generated single-decree traces of {@code events} events, one header. */
    private static Path manyShortTraces(int traces, int events) throws IOException {
        Path dir = WORK.resolve("short-" + traces + "x" + events);
        if (!Files.isDirectory(dir)) {
            SpecModel model = RandomPaxosTraceGenerator.model(SPEC, WORK.toAbsolutePath());
            for (int i = 0; i < traces; i++) {
                new RandomPaxosTraceGenerator(model, i, BALLOTS_MAX).write(dir.resolve("t" + i + ".ndjson"), events);
            }
        }
        return dir;
    }

    /**
     * The same traces, each with a header of its own: one more value in {@code Value}, which no event uses, so
     * every trace stays valid and needs other constants, as the simulator's runs with their own values and cluster
     * sizes do.
     */
    private static Path ownHeaders(Path shared) throws IOException {
        Path dir = Path.of(shared + "-own-headers");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(shared)) {
                for (Path file : files.toList()) {
                    List<String> lines = new ArrayList<>(Files.readAllLines(file));
                    String name = file.getFileName().toString();
                    lines.set(0, lines.get(0).replace("\"Value\":[\"v1\",\"v2\"]",
                            "\"Value\":[\"v1\",\"v2\",\"" + name.substring(0, name.indexOf('.')) + "\"]"));
                    Files.write(dir.resolve(name), lines);
                }
            }
        }
        return dir;
    }

    private static void measureMany(Path dir, String headers) throws IOException {
        int traces;
        try (Stream<Path> files = Files.list(dir)) {
            traces = (int) files.count(); // a generation cut short leaves fewer
        }
        int jobs = Runtime.getRuntime().availableProcessors();
        LiveHeap.reset();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<TraceOutcome> outcomes = TraceCheck.checkAll(options(List.of(dir), Mode.STEP, jobs));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        requireValid(outcomes);
        System.out.printf("%d short traces, %s, STEP, %d jobs: %.2f s, %.0f traces/s; %.2f CPU s, %.0f traces per "
                + "CPU second; live heap %d MB%n", traces, headers, jobs, seconds, traces / seconds, cpuSeconds,
                traces / cpuSeconds, LiveHeap.maxMb());
    }

    private static CheckOptions options(List<Path> inputs, Mode mode, int jobs) {
        return new CheckOptions(inputs, mode, SPEC, Optional.empty(), false, jobs, 0,
                CheckOptions.MAX_CANDIDATES_DEFAULT, WORK,
                Integer.getInteger("bench.lookaheadEvents", CheckOptions.LOOKAHEAD_EVENTS_DEFAULT));
    }

    private static void requireValid(List<TraceOutcome> outcomes) {
        List<String> failed = new ArrayList<>();
        outcomes.stream().filter(o -> o.exitCode() != TraceOutcome.EXIT_VALID).forEach(o -> failed.add(o.name()));
        if (!failed.isEmpty()) {
            throw new IllegalStateException("generated traces must be valid, but these were not: " + failed);
        }
    }

    /**
     * CPU time of the whole process, collector included: on a machine shared with other work, traces per CPU second
     * is what the checker costs; traces per second also counts the time it waited for a core.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
