package dev.paxosref.trace.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import tla2sany.st.Location;

/** The spec's own text for a syntax node, so that reports quote the guard as written rather than TLC's rendering. */
public final class SpecSource {
    private final Path specDir;
    private final Map<String, List<String>> linesByModule = new ConcurrentHashMap<>(); // shared by checking threads

    public SpecSource(Path specDir) {
        this.specDir = specDir;
    }

    /** The text at {@code location} on one line, whitespace collapsed; TLC's location string if the file is absent. */
    public String text(Location location) {
        List<String> lines = linesByModule.computeIfAbsent(location.source(), this::readModule);
        if (lines.isEmpty() || location.endLine() > lines.size()) {
            return location.toString();
        }
        StringBuilder text = new StringBuilder();
        for (int line = location.beginLine(); line <= location.endLine(); line++) {
            String content = lines.get(line - 1);
            int from = line == location.beginLine() ? location.beginColumn() - 1 : 0;
            int to = line == location.endLine() ? Math.min(location.endColumn(), content.length()) : content.length();
            text.append(content, Math.min(from, to), to).append(' ');
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }

    private List<String> readModule(String module) {
        try {
            return Files.readAllLines(specDir.resolve(module + ".tla"), StandardCharsets.UTF_8);
        } catch (IOException notInSpecDir) {
            return List.of(); // a standard module: fall back to the location
        }
    }
}
