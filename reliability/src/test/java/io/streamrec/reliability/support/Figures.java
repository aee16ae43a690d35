package io.streamrec.reliability.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Measured figures: printed, and appended to target/reliability-figures.txt for docs/reliability.md. */
public final class Figures {
    private Figures() {}

    public static void record(String test, String line) {
        String text = Instant.now() + " " + test + ": " + line;
        System.out.println("[figures] " + text);
        try {
            Path file = Path.of("target", "reliability-figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot record figures: " + e);
        }
    }
}
