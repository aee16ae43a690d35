package io.streamrec.reliability.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder per test run under target/runs: cluster configuration, JobManager and TaskManager logs,
 * checkpoints. Kept after the run (unlike @TempDir) so a failure can be read; mvn clean removes it.
 */
public final class RunDirs {
    private RunDirs() {}

    public static Path create(String test) throws IOException {
        Path dir = Path.of("target", "runs", test + "-" + System.currentTimeMillis()).toAbsolutePath();
        return Files.createDirectories(dir);
    }
}
