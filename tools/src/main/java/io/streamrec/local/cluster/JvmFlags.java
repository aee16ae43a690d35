package io.streamrec.local.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** JVM flags and environment of the cluster's processes. */
final class JvmFlags {
    /** Flink's log4j layout, one file per process; Kafka clients at INFO so their (masked) configs are logged. */
    static final String LOG4J_CONFIG = String.join("\n",
            "monitorInterval = 0",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = MainAppender",
            "appender.main.name = MainAppender",
            "appender.main.type = File",
            "appender.main.append = true",
            "appender.main.fileName = ${sys:log.file}",
            "appender.main.layout.type = PatternLayout",
            "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-40c{1.} [%t] - %m%n",
            "logger.pekko.name = org.apache.pekko",
            "logger.pekko.level = WARN",
            "logger.zookeeper.name = org.apache.zookeeper",
            "logger.zookeeper.level = WARN",
            "");

    /** The command-line client's log: to a file; what it prints for the user goes to stdout as it is. */
    static final String CLIENT_LOG4J_CONFIG = String.join("\n",
            "monitorInterval = 0",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = FileAppender",
            "appender.file.name = FileAppender",
            "appender.file.type = File",
            "appender.file.append = true",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-40c{1.} [%t] - %m%n",
            "");

    private JvmFlags() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** DJL's tokenizer must not phone home when it loads; its native library goes to a folder of ours. */
    static void offlineEnvironment(Map<String, String> env, Path clusterDir) {
        env.put("OPT_OUT_TRACKING", "true");
        env.put("DJL_CACHE_DIR", clusterDir.resolve("djl-cache").toString());
    }
}
