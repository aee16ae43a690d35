package io.streamrec.local.cluster;

import io.streamrec.local.CommandLines;
import io.streamrec.local.HelpOption;
import io.streamrec.local.JvmModuleFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Behind {@code scripts/cluster-local.sh}: a standalone cluster that outlives this command, with the commands
 * {@code start}, {@code stop}, {@code status} and {@code submit} (all take {@code --dir}).
 * {@code submit} is {@code flink run --detached} of the shaded job jar: Flink's command-line client
 * ({@code CliFrontend}) runs the jar's main class (its preflight checks, then the job graph) in a JVM of its own
 * from the cluster's Flink jars and hands the job to the cluster; this module needs none of the job's classes.
 */
@Command(name = "cluster-local.sh", description = "A standalone Flink session cluster on 127.0.0.1.",
        subcommands = {ClusterCli.Start.class, ClusterCli.Stop.class, ClusterCli.Status.class, ClusterCli.Submit.class})
public final class ClusterCli implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new ClusterCli(), args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: start, stop, status or submit");
    }

    /** The cluster's folder: configuration, pid files, logs. */
    static final class ClusterDir {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".local/flink",
                description = "The cluster's folder (configuration, pid files, logs).")
        Path dir;

        Path path() {
            return dir.toAbsolutePath();
        }
    }

    @Command(name = "start", showDefaultValues = true, description = "Start a JobManager and TaskManagers.")
    static final class Start implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        ClusterDir dir;

        @Option(names = "--task-managers", paramLabel = "N", defaultValue = "1", description = "TaskManager JVMs.")
        int taskManagers;

        @Option(names = "--slots", paramLabel = "S",
                description = "Task slots per TaskManager (default: the cluster size's own).")
        Integer slots;

        @Option(names = "--port", paramLabel = "P", defaultValue = "8081", description = "REST and web UI port.")
        int port;

        @Option(names = "--model", description = "Size the TaskManagers for the MODEL recommender (off-heap for "
                + "ONNX Runtime) and load the encoder's native-library jars parent-first.")
        boolean model;

        @Override
        public Integer call() throws IOException {
            ClusterSettings settings = model ? ClusterSettings.forModel() : ClusterSettings.small();
            start(dir.path(), slots == null ? settings : settings.withSlots(slots), taskManagers, port);
            return 0;
        }
    }

    @Command(name = "stop", showDefaultValues = true, description = "Stop the cluster's processes.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        ClusterDir dir;

        @Override
        public Integer call() throws IOException {
            stop(dir.path());
            return 0;
        }
    }

    @Command(name = "status", showDefaultValues = true,
            description = "The processes, TaskManagers and jobs; exit code 0 when the cluster answers.")
    static final class Status implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        ClusterDir dir;

        @Override
        public Integer call() throws IOException {
            return status(dir.path()) ? 0 : 1;
        }
    }

    @Command(name = "submit", showDefaultValues = true,
            description = "Run the job jar's main through Flink's client, detached; exit code: the client's.")
    static final class Submit implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        ClusterDir dir;

        @Parameters(paramLabel = "JOB-OPTION", description = "After --: the job's options, as for flink run "
                + "(e.g. -- --kafka.bootstrap-servers 127.0.0.1:9092).")
        List<String> jobArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return submit(dir.path(), jobArgs);
        }
    }

    private static void start(Path dir, ClusterSettings settings, int taskManagers, int port) throws IOException {
        if (restPort(dir).map(p -> new FlinkRest(p).isUp()).orElse(false)) {
            throw new IllegalStateException("a cluster already runs from " + dir + "; stop it first");
        }
        Files.createDirectories(dir);
        // Not closed: the processes outlive this command and are stopped by 'stop' through their pid files.
        StandaloneCluster cluster = StandaloneCluster.start(dir, settings, taskManagers, port);
        System.out.println("Flink cluster up: REST/UI http://127.0.0.1:" + cluster.restPort() + ", " + taskManagers
                + " TaskManager(s), logs in " + dir.resolve("log"));
    }

    private static void stop(Path dir) throws IOException {
        for (Path pidFile : pidFiles(dir)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
                System.out.println("stopped " + pidFile.getFileName().toString().replace(".pid", "") + " (pid " + pid + ")");
            });
            Files.delete(pidFile);
        }
    }

    private static boolean status(Path dir) throws IOException {
        Optional<Integer> port = restPort(dir);
        boolean up = port.map(p -> new FlinkRest(p).isUp()).orElse(false);
        for (Path pidFile : pidFiles(dir)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            System.out.println(pidFile.getFileName().toString().replace(".pid", "") + " pid " + pid
                    + (alive ? " running" : " not running"));
        }
        if (up) {
            FlinkRest rest = new FlinkRest(port.get());
            System.out.println("REST http://127.0.0.1:" + port.get() + ": " + rest.taskManagers() + " TaskManager(s)");
            rest.get("/jobs/overview").path("jobs").forEach(j -> System.out.println("job " + j.path("jid").asText()
                    + " " + j.path("name").asText() + " " + j.path("state").asText()));
        } else {
            System.out.println("no cluster answering for " + dir);
        }
        return up;
    }

    /** Runs the job jar's main through Flink's client, detached; returns the client's exit code. */
    private static int submit(Path dir, List<String> jobArgs) throws Exception {
        int port = restPort(dir).orElseThrow(() -> new IllegalStateException("no cluster configured in " + dir));
        if (!new FlinkRest(port).isUp()) {
            throw new IllegalStateException("no cluster answering on port " + port + " for " + dir + "; start it first");
        }
        Path conf = dir.resolve("conf");
        Path log = dir.resolve("log").resolve("client.log");
        Files.createDirectories(log.getParent());
        Files.writeString(conf.resolve("log4j-cli.properties"), JvmFlags.CLIENT_LOG4J_CONFIG);
        List<String> cmd = new ArrayList<>();
        cmd.add(JvmFlags.java());
        cmd.add("-Xmx512m");
        cmd.addAll(JvmModuleFlags.list());
        cmd.add("-Dlog.file=" + log);
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j-cli.properties"));
        cmd.add("-DOPT_OUT_TRACKING=true");
        cmd.add("-Doffline=true");
        cmd.add("-cp");
        cmd.add(FlinkClasspath.flinkLib());
        cmd.add("org.apache.flink.client.cli.CliFrontend");
        cmd.add("run");
        cmd.add("--detached");
        cmd.add(FlinkClasspath.jobJar(dir.resolve("job-jar")).toString());
        cmd.addAll(jobArgs);
        // The client reads the cluster's config.yaml (REST address and port) from FLINK_CONF_DIR.
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("FLINK_CONF_DIR", conf.toString());
        JvmFlags.offlineEnvironment(pb.environment(), dir);
        int code = pb.start().waitFor();
        if (code == 0) {
            System.out.println("submitted to http://127.0.0.1:" + port + "; client log " + log);
        }
        return code;
    }

    static Optional<Integer> restPort(Path dir) throws IOException {
        Path config = dir.resolve("conf/config.yaml");
        if (!Files.exists(config)) {
            return Optional.empty();
        }
        return Files.readAllLines(config).stream().filter(l -> l.startsWith("rest.port:"))
                .map(l -> Integer.parseInt(l.substring("rest.port:".length()).trim())).findFirst();
    }

    private static List<Path> pidFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".pid")).sorted().forEach(files::add);
            }
        }
        // TaskManagers first, so the JobManager does not log their loss as failures it must handle.
        files.sort(java.util.Comparator.comparing((Path p) -> p.getFileName().toString().startsWith("job")));
        return files;
    }
}
