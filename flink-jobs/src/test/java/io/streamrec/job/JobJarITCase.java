package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar (built before integration tests run) carries the job: no benchmark, evaluation, local
 * runtime (broker, standalone cluster), command-line tool or bootstrap classes, which live in modules of their own.
 */
class JobJarITCase {
    /** Packages (and everything under them) that must not be in the job jar. */
    static final List<String> NOT_IN_THE_JOB =
            List.of("io.streamrec.bench", "io.streamrec.eval", "io.streamrec.local", "io.streamrec.tools",
                    "io.streamrec.bootstrap");

    @Test
    void theJobJarHasNoBenchmarkEvaluationOrLocalRuntimeClasses() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("streamrec-flink-jobs-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("original"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar")).toList(); // the test helpers' jar
            assertThat(jars).as("the shaded job jar in target/").hasSize(1);
            jar = jars.get(0);
        }
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/streamrec/") && n.endsWith(".class"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
        }
        assertThat(packages).contains("io.streamrec.job", "io.streamrec.recommenders", "io.streamrec.text.runtime");
        assertThat(packages).noneMatch(p -> p.contains(".bench")
                || NOT_IN_THE_JOB.stream().anyMatch(n -> p.equals(n) || p.startsWith(n + ".")));
    }
}
