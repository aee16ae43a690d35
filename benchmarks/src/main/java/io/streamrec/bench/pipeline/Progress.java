package io.streamrec.bench.pipeline;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Timestamped progress lines. */
final class Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        if (out != null) {
            out.println("[bench " + LocalTime.now().format(TIME) + "] " + text);
            out.flush();
        }
    }
}
