package dev.paxosref.trace;

import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceFile;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.format.TraceMerger;
import dev.paxosref.trace.format.TraceReader;
import dev.paxosref.trace.format.TraceSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and merges the files of one trace, and finds the spec module its header names. */
final class TraceLoader {
    private final TraceReader reader = new TraceReader();
    private final TraceMerger merger = new TraceMerger();

    Trace load(TraceSources.Source source) {
        if (source.files().isEmpty()) {
            throw new TraceInputException(new SourceLocation(source.name(), 0, 0), "no *.ndjson files in directory");
        }
        List<TraceFile> files = reader.readAll(source.files());
        return merger.merge(source.name(), files);
    }

    /** {@code spec} itself if it is a file, else {@code spec/<header spec>.tla}. */
    static Path specFile(Path spec, Trace trace) {
        Path file = Files.isDirectory(spec) ? spec.resolve(trace.header().spec() + ".tla") : spec;
        if (!Files.isRegularFile(file)) {
            throw new TraceInputException(trace.header().origin(), "spec module " + trace.header().spec()
                    + " not found at " + file);
        }
        return file;
    }
}
