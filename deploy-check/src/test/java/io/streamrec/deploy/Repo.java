package io.streamrec.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the checks read; the root comes from Maven (streamrec.repo.root). */
final class Repo {
    static final Path ROOT = locateRoot();

    private Repo() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relative + " under " + ROOT, e);
        }
    }

    private static Path locateRoot() {
        String configured = System.getProperty("streamrec.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Run from an IDE: walk up to the folder holding docker-compose.yml and the root pom.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Repository root not found; set -Dstreamrec.repo.root");
    }
}
