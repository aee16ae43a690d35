package io.streamrec.bootstrap;

import io.streamrec.job.RecommendationJob.Uids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.api.runtime.SavepointLoader;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Rewrites a savepoint of the job without the state of its Kafka sources and sinks (State Processor API): the
 * sources' split offsets are positions in the topics of the broker the savepoint was made on, and restored on
 * another deployment they would be applied to its topics; the sinks' state is that broker's transactions. Without
 * it, the streaming job's sources start from their configured offsets and its sinks afresh, while every other
 * operator (the recommender's users, item statistics, item index and model, the encoders' in-flight texts)
 * restores as it was. The job restores the result without {@code allowNonRestoredState}: nothing in it is unknown.
 */
final class KafkaStateRemoval {
    private KafkaStateRemoval() {}

    /**
     * Every uid under which a Kafka source or sink of the job can hold state: the sources, the sinks' writers (the
     * sink's uid) and the committers Flink derives from the sink's uid ({@code SinkTransformationTranslator}).
     */
    static List<String> kafkaUids() {
        List<String> uids = new ArrayList<>(Uids.KAFKA_SOURCES);
        for (String sink : Uids.KAFKA_SINKS) {
            uids.add(sink);
            uids.add("Sink Committer: " + sink);
            uids.add("Sink " + sink + " Global Committer");
        }
        return uids;
    }

    /** The uids of {@link #kafkaUids()} that have an operator in the savepoint at {@code path}. */
    static List<String> kafkaOperatorsIn(String path) throws Exception {
        Set<OperatorID> present = new HashSet<>();
        for (OperatorState state : SavepointLoader.loadSavepointMetadata(path).getOperatorStates()) {
            present.add(state.getOperatorID());
        }
        List<String> found = new ArrayList<>();
        for (String uid : kafkaUids()) {
            if (present.contains(OperatorIdentifier.forUid(uid).getOperatorId())) {
                found.add(uid);
            }
        }
        return found;
    }

    /**
     * Writes the savepoint at {@code in} to {@code out} without its Kafka operators (their state files are not
     * copied; every other operator's are, so {@code out} does not need {@code in}); returns the uids removed.
     */
    static List<String> rewrite(String in, String out) throws Exception {
        List<String> removed = kafkaOperatorsIn(in);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        SavepointWriter writer = SavepointWriter.fromExistingSavepoint(env, in);
        for (String uid : removed) {
            writer.removeOperator(OperatorIdentifier.forUid(uid));
        }
        writer.write(out);
        env.execute("bootstrap: savepoint without the Kafka operators' state");
        return removed;
    }
}
