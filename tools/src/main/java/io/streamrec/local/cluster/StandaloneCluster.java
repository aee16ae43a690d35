package io.streamrec.local.cluster;

import io.streamrec.local.JvmModuleFlags;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink session cluster without a distribution: one JobManager and any number of TaskManagers, each a
 * separate JVM started from the Maven-resolved Flink jars the way {@code bin/jobmanager.sh} and
 * {@code bin/taskmanager.sh} do (memory flags from {@code BashJavaUtils}). Listens on 127.0.0.1 only.
 * Closing it SIGKILLs whatever is still running, so a failed test leaves no process behind.
 */
public final class StandaloneCluster implements AutoCloseable {
    /**
     * How long a JobManager or TaskManager may take to start: seconds on a usual machine; the wait ends as soon
     * as it is up, so the bound only has to hold on a machine several times slower.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneCluster.class);
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private final Path dir;
    private final ClusterSettings settings;
    private final int restPort;
    private final FlinkRest rest;
    private final List<FlinkProcess> processes = new ArrayList<>();
    private FlinkProcess jobManager;
    private int taskManagersStarted;

    private StandaloneCluster(Path dir, ClusterSettings settings, int restPort) {
        this.dir = dir;
        this.settings = settings;
        this.restPort = restPort;
        this.rest = new FlinkRest(restPort);
    }

    /** Writes the configuration to {@code dir}, starts the JobManager and {@code taskManagers} TaskManagers. */
    public static StandaloneCluster start(Path dir, ClusterSettings settings, int taskManagers, int restPort)
            throws IOException {
        StandaloneCluster cluster = new StandaloneCluster(dir, settings, restPort == 0 ? freePort() : restPort);
        try {
            cluster.writeConfig();
            cluster.startJobManager();
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, START_TIMEOUT);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public static StandaloneCluster start(Path dir, ClusterSettings settings, int taskManagers) throws IOException {
        return start(dir, settings, taskManagers, 0);
    }

    public int restPort() {
        return restPort;
    }

    public FlinkRest rest() {
        return rest;
    }

    public Path dir() {
        return dir;
    }

    public ClusterSettings settings() {
        return settings;
    }

    public FlinkProcess jobManager() {
        return jobManager;
    }

    /** The TaskManagers still alive, oldest first. */
    public List<FlinkProcess> taskManagers() {
        return processes.stream().filter(p -> p != jobManager && p.isAlive()).collect(Collectors.toList());
    }

    /** Every JobManager and TaskManager log file written so far. */
    public List<Path> logFiles() throws IOException {
        try (var files = Files.list(dir.resolve("log"))) {
            return files.sorted().toList();
        }
    }

    /** Starts one more TaskManager; it registers with the JobManager within seconds. */
    public synchronized FlinkProcess startTaskManager() throws IOException {
        String name = "taskmanager-" + (++taskManagersStarted);
        String classpath = FlinkClasspath.flinkLib() + (settings.encoderInLib() ? ":" + FlinkClasspath.encoderLib() : "");
        FlinkProcess tm = launch(name, "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", classpath);
        LOG.info("Started {}", tm);
        return tm;
    }

    /** Waits until {@code count} TaskManagers are registered. */
    public void awaitTaskManagers(int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (rest.isUp() && rest.taskManagers() >= count) {
                return;
            }
            if (!jobManager.isAlive()) {
                throw new IOException("the JobManager exited; see " + jobManager.logFile());
            }
            sleep(250);
        }
        throw new IOException(count + " TaskManagers not registered within " + timeout.toSeconds() + " s; logs in "
                + dir.resolve("log"));
    }

    private void startJobManager() throws IOException {
        jobManager = launch("jobmanager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", FlinkClasspath.flinkLib());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!rest.isUp()) {
            if (!jobManager.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the JobManager did not start; see " + jobManager.logFile());
            }
            sleep(200);
        }
        LOG.info("JobManager {} ready, REST on 127.0.0.1:{}", jobManager, restPort);
    }

    /** Starts a JVM like the distribution's scripts: memory flags and dynamic options from BashJavaUtils. */
    private FlinkProcess launch(String name, String resourceCommand, String mainClass, String classpath)
            throws IOException {
        List<String> resources = bashJavaUtils(resourceCommand);
        Path conf = dir.resolve("conf");
        Path log = dir.resolve("log").resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(JvmFlags.java());
        cmd.addAll(JvmFlags.split(resources.get(0)));
        cmd.addAll(JvmModuleFlags.list());
        cmd.add("-XX:+UseG1GC");
        cmd.add("-Dlog.file=" + log);
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
        cmd.add("-DOPT_OUT_TRACKING=true");
        cmd.add("-Doffline=true");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(conf.toString());
        cmd.addAll(JvmFlags.split(resources.get(1)));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").resolve(name + ".out").toFile()));
        JvmFlags.offlineEnvironment(pb.environment(), dir);
        FlinkProcess process = new FlinkProcess(name, pb.start(), log);
        synchronized (this) {
            processes.add(process);
        }
        Files.writeString(dir.resolve(name + ".pid"), Long.toString(process.pid()));
        return process;
    }

    /** Runs BashJavaUtils and returns its two result lines: JVM parameters and dynamic options. */
    private List<String> bashJavaUtils(String command) throws IOException {
        List<String> cmd = List.of(JvmFlags.java(), "-Xmx128m", "-cp", FlinkClasspath.flinkLib(),
                "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", dir.resolve("conf").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> results = out.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length())).toList();
        if (results.size() < 2) {
            throw new IOException("BashJavaUtils " + command + " failed: " + out);
        }
        return results.subList(results.size() - 2, results.size());
    }

    private void writeConfig() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("log"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        StringBuilder yaml = new StringBuilder();
        for (Map.Entry<String, String> e : settings.flinkConfig(restPort, freePort(), tmp.toString()).entrySet()) {
            yaml.append(e.getKey()).append(": ").append(quote(e.getValue())).append('\n');
        }
        Files.writeString(conf.resolve("config.yaml"), yaml);
        Files.writeString(conf.resolve("log4j.properties"), JvmFlags.LOG4J_CONFIG);
    }

    /** YAML-quotes values that YAML would otherwise read as something else (a ';' list, '1 s', ...). */
    private static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:-]+") ? value : "'" + value.replace("'", "''") + "'";
    }

    /**
     * SIGKILLs every process of the cluster that still runs (TaskManagers first) and deletes its working
     * files (blob copies of the 126 MB job jar, RocksDB working folders); configuration and logs stay.
     */
    @Override
    public synchronized void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).kill();
        }
        Path tmp = dir.resolve("tmp");
        if (Files.isDirectory(tmp)) {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", tmp, e.toString());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
