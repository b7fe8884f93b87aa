package dev.paxosref.trace.format;

/** A place in a trace file, 1-based, as editors count. Column 0 means "the whole line", line 0 "the whole file". */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation atColumn(int newColumn) {
        return new SourceLocation(file, line, newColumn);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
