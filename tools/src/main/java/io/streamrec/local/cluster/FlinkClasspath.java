package io.streamrec.local.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the cluster's jars and the job jar are. The tools module's build writes the classpath files
 * (maven-dependency-plugin build-classpath), so the cluster runs exactly the Flink version Maven resolved.
 */
public final class FlinkClasspath {
    /** System property naming the project root; the build sets it for the tests. */
    public static final String ROOT_PROPERTY = "streamrec.root";
    public static final String JOB_JAR = "flink-jobs/target/streamrec-flink-jobs-0.1.0-SNAPSHOT.jar";

    private FlinkClasspath() {}

    /** The project root: the property, else the first folder upwards that holds tools/pom.xml. */
    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("tools/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root; set -D" + ROOT_PROPERTY);
    }

    /** Flink's runtime, RocksDB and log4j: what a distribution's lib/ holds. */
    public static String flinkLib() {
        return read("tools/target/flink-classpath.txt");
    }

    /** The encoder and its native-library jars (ONNX Runtime, DJL tokenizers, JNA, Gson). */
    public static String encoderLib() {
        return read("tools/target/encoder-lib-classpath.txt");
    }

    /**
     * The job's shaded jar, as submitted to a cluster: a private copy in {@code copyDir}, taken when the built
     * jar is complete. Other builds in the same working tree rewrite flink-jobs/target while tests run;
     * uploading a half-written jar fails the submission with ClassNotFoundException on the JobManager (seen
     * here).
     */
    public static synchronized Path jobJar(Path copyDir) {
        Path jar = root().resolve(JOB_JAR);
        Path copy = copyDir.resolve("streamrec-flink-jobs.jar");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing; build it first (mvn -B install -DskipTests)");
                }
                if (Files.exists(copy) && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                    return copy;
                }
                var before = Files.getLastModifiedTime(jar);
                Files.createDirectories(copy.getParent());
                Path tmp = copy.resolveSibling("copying.jar");
                Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (var zip = new java.util.zip.ZipFile(tmp.toFile())) {
                    // Between jar:jar and shade:shade the file is the thin jar: it has the job's classes but
                    // not the connector's, and a submission with it fails on the JobManager.
                    if (zip.getEntry("io/streamrec/job/RecommendationJob.class") == null
                            || zip.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class") == null) {
                        throw new IOException("not the complete shaded job jar yet: " + jar);
                    }
                }
                if (before.equals(Files.getLastModifiedTime(jar))) {
                    Files.move(tmp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setLastModifiedTime(copy, before);
                    return copy;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("no complete job jar at " + jar, e);
                }
            }
            sleepQuietly(2000); // a build is writing the jar: wait for it to finish
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The all-MiniLM-L6-v2 model folder the build unpacks (int8 by default). */
    public static Path modelDir(String name) {
        return root().resolve("onnx-models/target/models").resolve(name);
    }

    private static String read(String relative) {
        Path file = root().resolve(relative);
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; build the tools module first", e);
        }
    }
}
