package dev.paxosref.mc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts the fresh JVMs TLC runs in, and reads their output line by line into a log file and a consumer. The trace
 * checker's referee uses it too, so that every TLC process of the project is started the same way.
 */
public final class TlcJvm {

    private TlcJvm() {
    }

    /**
     * A command running {@code mainClass} with TLC on the classpath. TLC unpacks its standard modules into the temp
     * dir, so each run gets a private one under {@code workDir}: parallel runs would otherwise overwrite each
     * other's copies while SANY reads them.
     */
    public static List<String> command(Path workDir, String mainClass, List<String> args) {
        return command(workDir, List.of(), mainClass, args);
    }

    /** The same, with extra JVM options such as {@code -DTLA-Library=...}. */
    public static List<String> command(Path workDir, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xss8m",
                "-Djava.io.tmpdir=" + createDirectories(workDir.resolve("tmp")),
                "-Djava.rmi.server.hostname=127.0.0.1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), mainClass));
        command.addAll(args);
        return command;
    }

    public static Process start(List<String> command, Path directory) {
        try {
            return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /** Copies the process's output to {@code log} and hands each line to {@code lines}, until the process ends. */
    public static int drain(Process process, Path log, Consumer<String> lines) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter logWriter = Files.newBufferedWriter(log)) {
            String line;
            while ((line = out.readLine()) != null) {
                logWriter.write(line);
                logWriter.newLine();
                lines.accept(line);
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("reading TLC's output into " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }

    public static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** {@code dir}, emptied of what an earlier run left there (TLC's metadata, scratch only), or created. */
    static Path emptyDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + dir, e);
            }
        }
        return createDirectories(dir);
    }

    /** This module's classes (for {@link TlcLauncher}) and the TLC jar. */
    private static String classpath() {
        return String.join(File.pathSeparator, codeSource(TlcLauncher.class), codeSource(tlc2.TLC.class));
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
