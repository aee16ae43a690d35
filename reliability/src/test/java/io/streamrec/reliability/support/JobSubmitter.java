package io.streamrec.reliability.support;

import io.streamrec.config.JobConfig;
import io.streamrec.job.Preflight;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.cluster.FlinkClasspath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Submits the job to a running cluster through its REST endpoint. The job graph is built here, in the
 * client, from the job's classes ({@link RecommendationJob#onKafka}), and the shaded job jar (plus any
 * test jars) is uploaded with it, as {@code flink run} does. The REST jar-run endpoint would need
 * flink-runtime-web on the JobManager, and building the graph here lets the tests change the job (an
 * added operator, a wrapped source) without a second jar build. ({@code scripts/cluster-local.sh submit}
 * runs the job jar's own main through Flink's command-line client instead: {@code ClusterCli}.)
 */
public final class JobSubmitter {
    /** Adds the job's operators to an environment; the default is the job as shipped. */
    @FunctionalInterface
    public interface JobBuilder {
        void build(Configuration config, StreamExecutionEnvironment env) throws Exception;
    }

    public static final JobBuilder AS_SHIPPED = (config, env) -> RecommendationJob.onKafka(config).build(env);

    private JobSubmitter() {}

    /** Submits the job as shipped with {@code options} (the job's --key value options as a map). */
    public static JobClient submit(int restPort, Map<String, String> options) throws Exception {
        return submit(restPort, options, AS_SHIPPED, List.of());
    }

    /**
     * Submits what {@code builder} builds with {@code options}; {@code extraJars} travel with the job jar
     * (classes of the test that the job's operators use).
     */
    public static JobClient submit(int restPort, Map<String, String> options, JobBuilder builder, List<Path> extraJars)
            throws Exception {
        // What the job cannot run without is checked here, as `flink run` of the job's main class does.
        Configuration config = Preflight.check(JobConfig.fromMap(options));
        List<String> jars = new ArrayList<>();
        jars.add(FlinkClasspath.jobJar(FlinkClasspath.root().resolve("reliability/target/job-jar")).toString());
        extraJars.forEach(j -> jars.add(j.toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
                "127.0.0.1", restPort, config, jars.toArray(String[]::new));
        builder.build(config, env);
        return env.executeAsync(config.get(io.streamrec.config.JobOptions.JOB_NAME));
    }
}
