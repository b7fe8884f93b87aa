package dev.paxosref.trace.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Reads one NDJSON trace file, validating every line against the schema and naming the line and column of any fault. */
public final class TraceReader {
    private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(IntegralNumbers.FACTORY);
    private static final JsonSchemaSubset SCHEMA = loadSchema();
    /** A file this long is read in two halves at once: about 40,000 single-decree events, or 3,000 Multi-Paxos. */
    private static final long SPLIT_BYTES_MIN = 4L << 20;

    public TraceFile read(Path file) {
        return read(file, new SharedJson());
    }

    /** Reads the files of one trace, sharing equal values among all of them. */
    public List<TraceFile> readAll(List<Path> files) {
        SharedJson shared = new SharedJson();
        return files.stream().map(file -> read(file, shared)).toList();
    }

    /**
     * Reads a long file in two halves at once when there are two cores: the second half on a thread of its own,
     * with values shared within each half only. A fault in the first half is reported before one in the second, as
     * when the file is read from start to end.
     */
    private TraceFile read(Path file, SharedJson shared) {
        long split = splitPoint(file);
        if (split < 0) {
            try (Cursor cursor = open(file, shared)) {
                return new TraceFile(cursor.header(), events(cursor, new ArrayList<>()));
            }
        }
        FutureTask<List<TraceEvent>> secondHalf = new FutureTask<>(() -> secondHalf(file, split));
        Thread reader = new Thread(secondHalf, "trace-reader-second-half");
        reader.setDaemon(true);
        reader.start();
        TraceHeader header;
        List<TraceEvent> events = new ArrayList<>();
        try (Cursor cursor = open(file, new FileRange(file, 0, split), shared)) {
            header = cursor.header();
            events(cursor, events);
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
        try {
            events.addAll(secondHalf.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException fault ? fault : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        }
        return new TraceFile(header, events);
    }

    private static long splitPoint(Path file) {
        try {
            return Runtime.getRuntime().availableProcessors() < 2 ? -1 : FileRange.splitPoint(file, SPLIT_BYTES_MIN);
        } catch (IOException e) {
            return -1; // reading it whole names the fault
        }
    }

    /** The events after {@code split}, numbered as lines of the whole file. */
    private static List<TraceEvent> secondHalf(Path file, long split) {
        int linesBefore;
        TraceLines lines;
        try (TraceLines before = new TraceLines(new FileRange(file, 0, split))) {
            linesBefore = before.count();
            lines = new TraceLines(new FileRange(file, split, Long.MAX_VALUE), linesBefore);
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
        try (Cursor cursor = new Cursor(file.toString(), lines, new SharedJson())) {
            return events(cursor, new ArrayList<>());
        }
    }

    private static List<TraceEvent> events(Cursor cursor, List<TraceEvent> events) {
        for (TraceEvent event = cursor.next(); event != null; event = cursor.next()) {
            events.add(event);
        }
        return events;
    }

    /** Opens one file for reading event by event; its header is read (and validated) at once. */
    Cursor open(Path file, SharedJson shared) {
        try {
            return open(file, Files.newInputStream(file), shared);
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    private static Cursor open(Path file, InputStream in, SharedJson shared) {
        Cursor cursor = new Cursor(file.toString(), new TraceLines(in), shared);
        try {
            cursor.readHeader();
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
        return cursor;
    }

    /** One file read line by line: the header first, then one event per {@link #next()}. */
    static final class Cursor implements AutoCloseable {
        private final String name;
        private final TraceLines lines;
        private final SharedJson shared;
        private final EventParser parser;
        private TraceHeader header;

        private Cursor(String name, TraceLines lines, SharedJson shared) {
            this.name = name;
            this.lines = lines;
            this.shared = shared;
            this.parser = new EventParser(shared);
        }

        TraceHeader header() {
            return header;
        }

        private void readHeader() {
            if (!nextLine()) {
                throw new TraceInputException(new SourceLocation(name, 1, 0), "empty file: the header line is missing");
            }
            SourceLocation at = new SourceLocation(name, lines.lineNumber(), 0);
            String line = text();
            JsonNode json = parse(line, at);
            validate(json, "header", line, at);
            header = toHeader(json, at);
        }

        /**
         * The next event of the file, or null at its end. A line is parsed where it lies in the read buffer; one that
         * is not ASCII is decoded first, so that bytes that are not UTF-8 are a fault before they are read as such.
         */
        TraceEvent next() {
            if (!nextLine()) {
                return null;
            }
            SourceLocation at = new SourceLocation(name, lines.lineNumber(), 0);
            if (!lines.ascii()) {
                text();
            }
            TraceEvent event = parser.parse(lines.bytes(), lines.offset(), lines.length(), at);
            return event != null ? event : parseEvent(text(), at, shared);
        }

        /** Moves to the next line that is not blank; false at the end of the file. */
        private boolean nextLine() {
            try {
                while (lines.advance()) {
                    if (!lines.blank()) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw cannotRead(e);
            }
        }

        private String text() {
            try {
                return lines.text();
            } catch (IOException e) {
                throw cannotRead(e);
            }
        }

        private TraceInputException cannotRead(IOException e) {
            return TraceReader.cannotRead(name, e);
        }

        @Override
        public void close() {
            try {
                lines.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
        }
    }

    private static TraceInputException cannotRead(String file, IOException e) {
        return new TraceInputException(new SourceLocation(file, 0, 0), "cannot read: " + e.getMessage());
    }

    /** An event line read as a tree and validated by the schema: the definition EventParser's fast path follows. */
    static TraceEvent parseEvent(String line, SourceLocation at, SharedJson shared) {
        JsonNode json = parse(line, at);
        validate(json, "event", line, at);
        return toEvent((ObjectNode) json, at, shared);
    }

    private static JsonNode parse(String line, SourceLocation at) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new TraceInputException(at.atColumn(e.getLocation().getColumnNr()),
                    "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void validate(JsonNode json, String definition, String line, SourceLocation at) {
        List<JsonSchemaSubset.Violation> violations = SCHEMA.validate(json, definition);
        if (!violations.isEmpty()) {
            JsonSchemaSubset.Violation first = violations.get(0);
            int column = new JsonColumns(MAPPER, line).columnOf(first.pointer());
            String where = first.pointer().isEmpty() ? definition : definition + " field " + first.pointer();
            throw new TraceInputException(at.atColumn(column), "schema violation in " + where + ": " + first.problem());
        }
    }

    private static TraceHeader toHeader(JsonNode json, SourceLocation at) {
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        json.get("constants").properties().forEach(c -> constants.put(c.getKey(), c.getValue()));
        JsonNode complete = json.get("complete");
        JsonNode state = json.get("state");
        return new TraceHeader(json.get("spec").asText(), constants, complete != null && complete.asBoolean(),
                state != null && state.asText().equals(TraceHeader.STATE_CHANGES), at);
    }

    private static TraceEvent toEvent(ObjectNode json, SourceLocation at, SharedJson shared) {
        return new TraceEvent(shared.share(json.get("node")), json.get("clock").asLong(), json.get("action").asText(),
                objectOrEmpty(json.get("params"), shared), messages(json.get("recv"), shared),
                messages(json.get("sent"), shared), objectOrEmpty(json.get("state"), shared), at);
    }

    private static List<LoggedMessage> messages(JsonNode array, SharedJson shared) {
        if (array == null) {
            return List.of();
        }
        List<LoggedMessage> messages = new ArrayList<>(array.size());
        for (JsonNode message : array) {
            ObjectNode fields = ((ObjectNode) message).deepCopy();
            String id = fields.remove("id").asText();
            messages.add(new LoggedMessage(id, (ObjectNode) shared.share(fields)));
        }
        return messages;
    }

    private static ObjectNode objectOrEmpty(JsonNode json, SharedJson shared) {
        return (ObjectNode) shared.share(json == null ? JsonNodeFactory.instance.objectNode() : json);
    }

    private static JsonSchemaSubset loadSchema() {
        try (InputStream in = TraceReader.class.getResourceAsStream("/trace-format.schema.json")) {
            return new JsonSchemaSubset(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the trace schema is missing from the jar", e);
        }
    }
}
