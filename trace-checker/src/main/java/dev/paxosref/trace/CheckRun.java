package dev.paxosref.trace;

import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.format.TraceSources;
import dev.paxosref.trace.referee.RefereeChecker;
import dev.paxosref.trace.spec.DecimalFields;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.SpecModel;
import dev.paxosref.trace.spec.TraceVocabulary;
import dev.paxosref.trace.step.StepChecker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tlc2.util.IdThread;

/**
 * Checks many traces: reads them in parallel, groups them by model (spec and constants), and checks each group with
 * one loaded model and {@code jobs} threads. Groups run one after another because TLC holds one model per JVM.
 */
final class CheckRun {
    private final CheckOptions options;
    private final ProgressLine progress;
    private final TraceLoader loader = new TraceLoader();

    CheckRun(CheckOptions options, ProgressLine progress) {
        this.options = options;
        this.progress = progress;
    }

    List<TraceOutcome> run() {
        List<TraceSources.Source> sources = new TraceSources().find(options.inputs());
        progress.start(sources.size());
        List<Loaded> loaded = inParallel(sources, this::load);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        TraceOutcome[] outcomes = new TraceOutcome[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            if (loaded.get(i).error() == null) {
                groups.computeIfAbsent(modelKey(loaded.get(i).trace()), k -> new ArrayList<>()).add(i);
            } else {
                outcomes[i] = TraceOutcome.badInput(sources.get(i).name(), loaded.get(i).error());
                progress.advance(outcomes[i]);
            }
        }
        for (List<Integer> group : groups.values()) {
            List<Trace> traces = group.stream().map(i -> loaded.get(i).trace()).toList();
            List<TraceOutcome> checked = checkGroup(traces);
            for (int k = 0; k < group.size(); k++) {
                outcomes[group.get(k)] = checked.get(k);
            }
        }
        progress.finish();
        return List.of(outcomes);
    }

    /** A trace read and merged, or the reason it could not be. */
    private record Loaded(Trace trace, TraceInputException error) {}

    private Loaded load(TraceSources.Source source) {
        try {
            return new Loaded(loader.load(source), null);
        } catch (TraceInputException e) {
            return new Loaded(null, e);
        }
    }

    private List<TraceOutcome> checkGroup(List<Trace> traces) {
        TraceChecker checker;
        ModuleSignature signature;
        try {
            signature = ModuleSignature.read(TraceLoader.specFile(options.spec(), traces.get(0)));
            checker = checkerFor(signature, traces.get(0));
        } catch (TraceInputException e) {
            List<TraceOutcome> failed = traces.stream().map(t -> TraceOutcome.badInput(t.name(), e)).toList();
            failed.forEach(progress::advance);
            return failed;
        }
        SpecConventions conventions = SpecConventions.of(signature);
        return inParallel(traces, trace -> {
            DecimalFields.decode(trace, conventions);
            TraceOutcome outcome = checkOne(checker, signature, trace);
            progress.advance(outcome);
            return outcome;
        });
    }

    private TraceChecker checkerFor(ModuleSignature signature, Trace first) {
        Path workDir = options.workDir().toAbsolutePath();
        SpecConventions conventions = SpecConventions.of(signature);
        return switch (options.mode()) {
            case STEP -> new StepChecker(SpecModel.load(signature, conventions, first.header(), workDir,
                    options.jobs()), options.maxSilentSteps(), options.maxCandidates());
            case TLC -> new RefereeChecker(signature, conventions, workDir, options.maxSilentSteps());
        };
    }

    private static TraceOutcome checkOne(TraceChecker checker, ModuleSignature signature, Trace trace) {
        try {
            TraceVocabulary.check(trace, signature);
            return TraceOutcome.of(trace.name(), trace, checker.check(trace));
        } catch (TraceInputException e) {
            return TraceOutcome.badInput(trace.name(), e);
        }
    }

    private static String modelKey(Trace trace) {
        return trace.header().spec() + "\u0000" + trace.header().constants();
    }

    /**
     * Applies {@code work} to every item on {@code jobs} threads, results in input order. The threads are TLC's
     * IdThreads because TLC's evaluator keeps per-worker caches keyed by them.
     */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        if (options.jobs() == 1 || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        AtomicInteger threadIds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(),
                r -> new IdThread(r, "trace-check-" + threadIds.get(), threadIds.getAndIncrement()));
        try {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking traces", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a checking thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
