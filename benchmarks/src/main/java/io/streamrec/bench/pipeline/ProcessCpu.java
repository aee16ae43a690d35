package io.streamrec.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) of a process, from the OS. */
final class ProcessCpu {
    private ProcessCpu() {}

    /** Of process {@code pid} (utime + stime from /proc), or -1 when unknown (no such process, no /proc). */
    static long nanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat
            return ticks * 10_000_000L; // USER_HZ = 100
        } catch (Exception e) {
            return -1;
        }
    }

    /** The CPUs process {@code pid} may run on ({@code Cpus_allowed_list}, e.g. "0" or "0-1"); null when unknown. */
    static String allowedCpus(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // unknown
        }
        return null;
    }

    /** Of this JVM: the benchmark's load generator and tail. */
    static long ownNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
