package dev.paxosref.trace.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a parse of the modules in one directory depends on: each .tla file's name, size and modification time. Equal
 * stamps let a JVM reuse what it parsed there before (a signature, a loaded model) instead of parsing again.
 */
final class SpecFiles {
    private SpecFiles() {}

    static String stamp(Path dir) {
        StringBuilder stamp = new StringBuilder(dir.toAbsolutePath().toString());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tla")).sorted().toList()) {
                stamp.append('\n').append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spec modules in " + dir, e);
        }
        return stamp.toString();
    }
}
