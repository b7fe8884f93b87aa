package dev.paxosref.trace.referee;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs TLC in a fresh JVM, as the project always does: TLC's static state never leaks between runs, and its
 * metadata goes under the work directory given to it.
 */
final class TlcProcess {
    private static final int OUTPUT_LINES_MAX = 200_000;

    /** TLC's exit code and its output, without the per-subexpression stack TLC prints on errors. */
    record Result(int exitCode, List<String> output) {}

    Result run(Path modelDir, String module, Path specDir) {
        List<String> command = List.of(javaExecutable(), "-XX:+UseParallelGC", "-Xss4m",
                "-DTLA-Library=" + specDir.toAbsolutePath(), "-cp", tlcJar(), "tlc2.TLC",
                "-workers", "1", "-deadlock", "-cleanup", "-metadir", modelDir.resolve("meta").toString(),
                "-config", module + ".cfg", module);
        ProcessBuilder builder = new ProcessBuilder(command).directory(modelDir.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            List<String> output = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (output.size() < OUTPUT_LINES_MAX) {
                        output.add(line);
                    }
                }
            }
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start TLC", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tlcJar() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC jar", e);
        }
    }
}
