package io.streamrec.tools.data;

import java.io.IOException;
import java.nio.file.Path;

/** Input that does not fit its format, with the file and line (1-based) where it was found. */
public final class MalformedDatasetException extends IOException {
    private final Path file;
    private final long line;

    public MalformedDatasetException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public MalformedDatasetException(Path file, long line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
