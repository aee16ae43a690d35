package io.streamrec.reliability.cluster;

import io.streamrec.job.Preflight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;

/**
 * Behind {@code scripts/cluster-local.sh}: a standalone cluster that outlives this command.
 * <pre>
 *   start  [--dir D] [--task-managers N] [--slots S] [--port P] [--model]
 *   stop   [--dir D]
 *   status [--dir D]
 *   submit [--dir D] [-- --key value ...]   (the job's options, as for flink run)
 * </pre>
 */
public final class ClusterCli {
    private ClusterCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String command = args[0];
        Path dir = Path.of(".local/flink");
        int taskManagers = 1;
        int port = 8081;
        ClusterSettings settings = ClusterSettings.small();
        Map<String, String> jobOptions = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--task-managers" -> taskManagers = Integer.parseInt(args[++i]);
                case "--slots" -> settings = settings.withSlots(Integer.parseInt(args[++i]));
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--model" -> settings = ClusterSettings.forModel();
                case "--" -> {
                    for (int j = i + 1; j + 1 < args.length; j += 2) {
                        jobOptions.put(args[j].replaceFirst("^--", ""), args[j + 1]);
                    }
                    i = args.length;
                }
                default -> usage();
            }
        }
        dir = dir.toAbsolutePath();
        switch (command) {
            case "start" -> start(dir, settings, taskManagers, port);
            case "stop" -> stop(dir);
            case "status" -> System.exit(status(dir) ? 0 : 1);
            case "submit" -> submit(dir, jobOptions);
            default -> usage();
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

    private static void submit(Path dir, Map<String, String> jobOptions) throws Exception {
        int port = restPort(dir).orElseThrow(() -> new IllegalStateException("no cluster configured in " + dir));
        JobClient job;
        try {
            job = JobSubmitter.submit(port, jobOptions);
        } catch (Preflight.Failure e) {
            System.err.println("Cannot start the job: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("submitted job " + job.getJobID() + " to http://127.0.0.1:" + port);
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        System.exit(0); // the job runs on; the client's threads must not keep this command alive
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

    private static void usage() {
        System.err.println("usage: cluster-local.sh start [--task-managers N] [--slots S] [--port P] [--model] "
                + "| stop | status | submit [-- --key value ...]   (all take --dir D)");
        System.exit(2);
    }
}
