package dev.paxosref.mc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs TLC on one model in a fresh JVM: TLC keeps static state and calls {@code System.exit}, so it never runs in
 * the caller's process. The generated config, TLC's metadata and the full output stay in
 * {@code spec/target/mc/<model>/} for inspection.
 */
final class TlcRun {

    private final SpecHome home;
    private final int workers;

    TlcRun(SpecHome home, int workers) {
        this.home = home;
        this.workers = workers;
    }

    ModelCheckResult check(Model model, Consumer<Progress> progress) {
        Path dir = home.workDir().resolve(model.name());
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(dir);
            Path cfg = dir.resolve(model.name() + ".cfg");
            Files.writeString(cfg, TlcConfig.render(model));
            TlcOutcomeCollector collector = new TlcOutcomeCollector(String.join(" or ", model.properties()));
            TlcOutputParser parser = new TlcOutputParser(collector::accept);
            Process process = new ProcessBuilder(command(model, cfg, dir))
                    .directory(home.tlaDir().toFile())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var log = Files.newBufferedWriter(dir.resolve("tlc.out"))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.write(line);
                    log.newLine();
                    if (line.startsWith(TlcLauncher.PROGRESS_PREFIX)) {
                        progress.accept(parseProgress(line, startNanos));
                    } else {
                        parser.accept(line);
                    }
                }
            }
            int exit = process.waitFor();
            return new ModelCheckResult(model, collector.verdict(exit), collector.statesGenerated(),
                    collector.distinctStates(), collector.depth(), Duration.ofNanos(System.nanoTime() - startNanos),
                    workers);
        } catch (IOException e) {
            throw new UncheckedIOException("running TLC on " + model.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC checked " + model.name(), e);
        }
    }

    private List<String> command(Model model, Path cfg, Path dir) {
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), "-XX:+UseParallelGC", "-Xss8m",
                "-cp", classpath(),
                TlcLauncher.class.getName(),
                "-tool", "-workers", Integer.toString(workers),
                "-metadir", dir.resolve("states").toString(),
                "-config", cfg.toString()));
        if (model.seed() != null) {
            command.addAll(List.of("-seed", model.seed().toString()));
        }
        command.add(model.module());
        return command;
    }

    private static Progress parseProgress(String line, long startNanos) {
        String[] f = line.substring(TlcLauncher.PROGRESS_PREFIX.length()).trim().split(" ");
        return new Progress(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Integer.parseInt(f[3]), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes (for {@link TlcLauncher}) and the TLC jar. */
    private static String classpath() {
        return String.join(java.io.File.pathSeparator, codeSource(TlcLauncher.class), codeSource(tlc2.TLC.class));
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
