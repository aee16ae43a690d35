package io.streamrec.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM module flags (openings for Flink on Java 17, the vector module) of every JVM of ours that runs
 * Flink or the model. The list is the build's {@code jvm.module.flags} (parent pom), its one source, written
 * into this module's resources; the scripts read the same file.
 */
public final class JvmModuleFlags {
    private static final String RESOURCE = "jvm-module-flags.txt";

    private JvmModuleFlags() {}

    public static List<String> list() {
        try (InputStream in = JvmModuleFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the tools module's classes: build it with Maven");
            }
            String flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (flags.isEmpty() || flags.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filled in by the build: '" + flags + "'");
            }
            return Arrays.stream(flags.split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
