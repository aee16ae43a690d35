package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.JobConfig;
import io.streamrec.job.RecommendationJob;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.SimpleUdfStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamFilter;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Savepoint compatibility starts with uids: an operator without one gets a generated id that changes
 * with the job's shape, and its state is lost on the next upgrade. Every node of the job's stream graph,
 * for both recommenders, must carry a uid from {@link RecommendationJob.Uids} (the Kafka sinks' committer
 * nodes carry one derived from the sink's uid). Only stateless maps and filters may go without.
 */
class OperatorUidTest {

    @ParameterizedTest
    @ValueSource(strings = {"BASELINE", "MODEL"})
    void everyOperatorHasAUidFromTheUidsClass(String recommender) throws Exception {
        Configuration config = JobConfig.fromMap(Map.of("recommend.recommender", recommender,
                "kafka.bootstrap-servers", "127.0.0.1:1"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        RecommendationJob.onKafka(config).build(env);
        StreamGraph graph = env.getStreamGraph(false);

        Set<String> declared = declaredUids();
        List<String> missing = new ArrayList<>();
        List<String> statelessWithoutUid = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (StreamNode node : graph.getStreamNodes()) {
            String uid = node.getTransformationUID();
            if (uid == null && isStateless(node)) {
                statelessWithoutUid.add(node.getOperatorName());
            } else if (uid == null || declared.stream().noneMatch(d -> uid.equals(d) || uid.equals("Sink Committer: " + d))) {
                missing.add(node.getOperatorName() + " (uid " + uid + ")");
            } else {
                used.add(uid);
            }
        }
        // Stateless maps hold nothing a savepoint must find again; they are listed so the gap stays visible.
        System.out.println(recommender + ": stateless operators without a uid: " + statelessWithoutUid);
        assertThat(missing).as("stateful operators without a uid from RecommendationJob.Uids").isEmpty();
        assertThat(used).as("uids of the graph").contains(RecommendationJob.Uids.EVENTS_SOURCE,
                RecommendationJob.Uids.DECODE_EVENTS, RecommendationJob.Uids.RECOMMENDATIONS_SINK,
                recommender.equals("MODEL") ? RecommendationJob.Uids.RANKER : RecommendationJob.Uids.RECOMMENDER);
        assertThat(used).as("uids are unique").hasSize(graph.getStreamNodes().size() - statelessWithoutUid.size());
    }

    /**
     * A map or filter whose function keeps no checkpointed state and that is not keyed: nothing of it is
     * in a savepoint. Anything else (process functions, sources, sinks, async I/O) counts as stateful.
     */
    private static boolean isStateless(StreamNode node) {
        if (node.getStateKeySerializer() != null
                || !(node.getOperatorFactory() instanceof SimpleUdfStreamOperatorFactory<?> factory)) {
            return false;
        }
        Object operator = factory.getOperator();
        if (!(operator instanceof StreamMap<?, ?> || operator instanceof StreamFilter<?>)) {
            return false;
        }
        Object function = factory.getUserFunction();
        return !(function instanceof CheckpointedFunction);
    }

    private static Set<String> declaredUids() throws IllegalAccessException {
        Set<String> uids = new TreeSet<>();
        for (Field f : RecommendationJob.Uids.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                uids.add((String) f.get(null));
            }
        }
        return uids;
    }
}
