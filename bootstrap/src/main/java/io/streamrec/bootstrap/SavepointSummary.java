package io.streamrec.bootstrap;

import io.streamrec.config.RecommendOptions;
import io.streamrec.job.RecommendationJob.Uids;
import io.streamrec.job.RecommenderFunction;
import io.streamrec.job.Settings;
import io.streamrec.learning.GradientBuffer;
import io.streamrec.learning.ModelState;
import io.streamrec.recommenders.BaselineRecommender;
import io.streamrec.recommenders.ModelRecommender;
import io.streamrec.recommenders.Recommender;
import io.streamrec.state.BroadcastMap;
import java.util.Iterator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * What a savepoint of the job holds for its recommender, read with the State Processor API: users with state,
 * items in the catalogue (the model recommender: with a vector in the item index) and the model's version (0 for
 * the baseline, which has none).
 */
record SavepointSummary(long users, long items, long modelVersion) {

    /** Reads the savepoint at {@code path} of a job run with {@code config} (one small local job). */
    static SavepointSummary read(String path, Configuration config) throws Exception {
        boolean model = config.get(RecommendOptions.RECOMMENDER) == RecommendOptions.RecommenderKind.MODEL;
        Recommender<?, ?> recommender = model ? new ModelRecommender(Settings.model(config), null, 0, 1)
                : new BaselineRecommender(Settings.recommender(config), 0, 1);
        OperatorIdentifier uid = OperatorIdentifier.forUid(model ? Uids.RANKER : Uids.RECOMMENDER);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        SavepointReader savepoint = SavepointReader.read(env, path, new HashMapStateBackend());
        // Every user with state as 0, every item as 1, the model's version as 2 + version.
        DataStream<Long> facts = savepoint.readKeyedState(uid,
                        new UsersWithState(RecommenderFunction.userStateDescriptor(recommender)))
                .union(savepoint.readBroadcastState(uid, itemsMap(model).name(), Types.STRING,
                                TypeInformation.of(itemsMap(model).type()))
                        .map(entry -> 1L).returns(Types.LONG));
        if (model) {
            facts = facts.union(savepoint.readBroadcastState(uid, ModelRecommender.MODEL.name(), Types.STRING,
                            TypeInformation.of(ModelState.class))
                    .filter(entry -> GradientBuffer.MODEL_NAME.equals(entry.f0))
                    .map(entry -> 2L + entry.f1.version).returns(Types.LONG));
        }
        long users = 0;
        long items = 0;
        long version = 0;
        for (Iterator<Long> it = facts.executeAndCollect("bootstrap: read the savepoint"); it.hasNext(); ) {
            long fact = it.next();
            if (fact == 0) {
                users++;
            } else if (fact == 1) {
                items++;
            } else {
                version = fact - 2;
            }
        }
        return new SavepointSummary(users, items, version);
    }

    private static BroadcastMap<?> itemsMap(boolean model) {
        return model ? ModelRecommender.ITEMS : BaselineRecommender.CATALOGUE;
    }

    /** 0 for every user with state. */
    private static final class UsersWithState extends KeyedStateReaderFunction<String, Long> {
        private static final long serialVersionUID = 1L;
        private final ValueStateDescriptor<?> descriptor;
        private transient ValueState<?> users;

        UsersWithState(ValueStateDescriptor<?> descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public void open(OpenContext openContext) {
            users = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void readKey(String user, Context context, Collector<Long> out) throws Exception {
            if (users.value() != null) {
                out.collect(0L);
            }
        }
    }
}
