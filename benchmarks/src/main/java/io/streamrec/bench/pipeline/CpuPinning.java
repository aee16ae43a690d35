package io.streamrec.bench.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --pin}: the job's JVM gets CPU 0 to itself; this JVM (the load generator and the tail) and the broker
 * share the others. Uses {@code taskset} (util-linux); every thread of a process is moved ({@code -a}), and
 * threads started later inherit their creator's CPUs.
 */
final class CpuPinning {
    static final String JOB_CPUS = "0";

    private CpuPinning() {}

    /** Moves this JVM and {@code brokerPid} (if ours, else -1) off CPU 0; returns the job's CPU list. */
    static String pin(long brokerPid, Progress progress) throws IOException, InterruptedException {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            throw new IllegalStateException("--pin needs at least 2 CPUs, this machine has " + cpus);
        }
        String others = cpus == 2 ? "1" : "1-" + (cpus - 1);
        taskset(others, ProcessHandle.current().pid());
        if (brokerPid > 0) {
            taskset(others, brokerPid);
        }
        progress.line("pinned: the job's JVM to CPU " + JOB_CPUS + "; this JVM (load generator, tail)"
                + (brokerPid > 0 ? " and the broker" : "") + " to CPU " + others);
        return JOB_CPUS;
    }

    private static void taskset(String cpus, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("taskset -a -p -c " + cpus + " " + pid + " failed: " + out.trim());
        }
    }
}
