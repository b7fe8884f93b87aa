package dev.paxosref.mc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs TLC on one model in a fresh JVM: TLC keeps static state and calls {@code System.exit}, so it never runs in
 * the caller's process. The generated config, TLC's metadata and the full output stay in
 * {@code spec/target/mc/<model>/} (a soak run's in {@code <model>-soak/}) for inspection.
 */
final class TlcRun {

    private final SpecHome home;
    private final int workers;

    TlcRun(SpecHome home, int workers) {
        this.home = home;
        this.workers = workers;
    }

    ModelCheckResult check(Model model, Consumer<Progress> progress) {
        long startNanos = System.nanoTime();
        // Liveness is checked once, on the whole state graph: TLC otherwise checks it at time-based intervals,
        // and a violation would be found after a different number of states on each run.
        Execution run = execute(model, model.name(), List.of("-lncheck", "final"), List.of(), line -> {
            if (line.startsWith(TlcLauncher.PROGRESS_PREFIX)) {
                progress.accept(parseProgress(line, startNanos));
            }
        });
        return new ModelCheckResult(model, run.verdict(), run.collector().statesGenerated(),
                run.collector().distinctStates(), run.collector().depth(), coverage(model, run.collector()),
                run.elapsed(), workers);
    }

    /** Runs TLC's random simulation of {@code model} from {@code seed} until a violation or for {@code duration}. */
    SoakResult soak(Model model, long seed, Duration duration) {
        long[] tracesAndStates = new long[2];
        List<String> simulate = List.of("-simulate", "-depth", Integer.toString(model.simulateDepth()),
                "-seed", Long.toString(seed));
        List<String> jvmOptions = List.of("-D" + TlcLauncher.SOAK_SECONDS + "=" + duration.toSeconds());
        Execution run = execute(model, model.name() + "-soak", simulate, jvmOptions, line -> {
            if (line.startsWith(TlcLauncher.SOAK_PREFIX)) {
                String[] f = line.substring(TlcLauncher.SOAK_PREFIX.length()).trim().split(" ");
                tracesAndStates[0] = Long.parseLong(f[0]);
                tracesAndStates[1] = Long.parseLong(f[1]);
            }
        });
        return new SoakResult(model, run.verdict(), seed, model.simulateDepth(), tracesAndStates[0],
                tracesAndStates[1], run.elapsed(), workers);
    }

    /** How a TLC process ended: what its output said, and how long it took. */
    private record Execution(TlcOutcomeCollector collector, Verdict verdict, Duration elapsed) {
    }

    /**
     * Runs TLC on {@code model} in the run folder {@code runName} with {@code modeArgs} added to the shared
     * arguments; lines the launcher prints ({@code @@...}) go to {@code launcherLines}, TLC's own to the collector.
     */
    private Execution execute(Model model, String runName, List<String> modeArgs, List<String> jvmOptions,
                              Consumer<String> launcherLines) {
        Path dir = TlcJvm.createDirectories(home.workDir().resolve(runName));
        long startNanos = System.nanoTime();
        Path cfg = writeConfig(model, dir);
        TlcOutcomeCollector collector = new TlcOutcomeCollector(String.join(" or ", model.properties()));
        TlcOutputParser parser = new TlcOutputParser(collector::accept);
        List<String> args = new ArrayList<>(List.of("-workers", Integer.toString(workers)));
        args.addAll(modeArgs);
        // TLC names its run inside the metadir by the second it starts: two runs of one model within a second (a
        // soak replayed at once) would collide, so each run starts from an empty metadir.
        Path metadir = TlcJvm.emptyDirectory(dir.resolve("states"));
        args.addAll(tlcArguments(model, metadir, cfg, mainModule(model, dir)));
        // The witness module lives in the run folder; TLC finds the model's module, which it extends, on this path.
        List<String> options = new ArrayList<>(List.of("-DTLA-Library=" + home.tlaDir()));
        options.addAll(jvmOptions);
        Process process = TlcJvm.start(TlcJvm.command(dir, options, TlcLauncher.class.getName(), args),
                home.tlaDir());
        int exit = TlcJvm.drain(process, dir.resolve("tlc.out"), line -> {
            if (line.startsWith(TlcLauncher.MARKER)) {
                launcherLines.accept(line);
            } else {
                parser.accept(line);
            }
        });
        return new Execution(collector, collector.verdict(exit), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    static Coverage coverage(Model model, TlcOutcomeCollector collector) {
        return new Coverage(model.witnessNames(), collector.witnessesReached());
    }

    /** What TLC checks: the model's module, or the witness module extending it when the model has witnesses. */
    private static String mainModule(Model model, Path dir) {
        return model.hasWitnesses() ? WitnessModule.write(model, dir).toString() : model.module();
    }

    static Path writeConfig(Model model, Path dir) {
        Path cfg = dir.resolve(model.name() + ".cfg");
        try {
            Files.writeString(cfg, TlcConfig.render(model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cfg, e);
        }
        return cfg;
    }

    /** The arguments TLC's model checker and its distributed server share; {@code module} is the one TLC checks. */
    static List<String> tlcArguments(Model model, Path metadir, Path cfg, String module) {
        List<String> args = new ArrayList<>(List.of("-tool", "-metadir", metadir.toString(),
                "-config", cfg.toString()));
        if (model.seed() != null) {
            args.addAll(List.of("-seed", model.seed().toString()));
        }
        args.add(module);
        return args;
    }

    private static Progress parseProgress(String line, long startNanos) {
        String[] f = line.substring(TlcLauncher.PROGRESS_PREFIX.length()).trim().split(" ");
        return new Progress(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Integer.parseInt(f[3]), Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
