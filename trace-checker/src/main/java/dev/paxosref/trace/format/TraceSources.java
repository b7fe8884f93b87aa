package dev.paxosref.trace.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the traces named on a command line. A file is one trace. A directory whose name ends in {@code .trace}
 * holds the per-node files of one trace. Any other directory is searched, recursively, for both.
 */
public final class TraceSources {
    static final String FILE_SUFFIX = ".ndjson";
    static final String PER_NODE_DIR_SUFFIX = ".trace";

    /** One trace to check: a name for reports and the files that make it up. */
    public record Source(String name, List<Path> files) {}

    public List<Source> find(List<Path> arguments) {
        List<Source> sources = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.exists(argument)) {
                throw new TraceInputException(new SourceLocation(argument.toString(), 0, 0), "no such file or directory");
            }
            collect(argument, sources);
        }
        return sources;
    }

    private void collect(Path path, List<Source> sources) {
        if (Files.isRegularFile(path)) {
            sources.add(new Source(path.toString(), List.of(path)));
        } else if (path.getFileName().toString().endsWith(PER_NODE_DIR_SUFFIX)) {
            sources.add(new Source(path.toString(), traceFilesIn(path)));
        } else {
            for (Path child : children(path)) {
                if (Files.isDirectory(child) || child.toString().endsWith(FILE_SUFFIX)) {
                    collect(child, sources);
                }
            }
        }
    }

    private static List<Path> traceFilesIn(Path directory) {
        return children(directory).stream().filter(p -> p.toString().endsWith(FILE_SUFFIX)).toList();
    }

    private static List<Path> children(Path directory) {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
