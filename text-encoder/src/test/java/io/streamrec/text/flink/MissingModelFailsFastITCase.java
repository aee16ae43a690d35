package io.streamrec.text.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.text.EncoderSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose encoder cannot find its model files fails at once with the reason, though its restart
 * strategy would restart it a thousand times: the files will not appear by restarting.
 */
class MissingModelFailsFastITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void aMissingModelFolderFailsTheJobWithoutRestarts(@TempDir Path empty) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1000);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        EncoderSettings settings = EncoderSettings.defaults().withModelDir(empty.toString());
        EncodeTextAsyncFunction<String, Tuple2<String, float[]>> encode = new EncodeTextAsyncFunction<>(
                settings, text -> text, (text, vector) -> Tuple2.of(text, vector), (text, reason) -> Tuple2.of(text, null));
        TypeInformation<Tuple2<String, float[]>> outType =
                Types.TUPLE(Types.STRING, PrimitiveArrayTypeInfo.FLOAT_PRIMITIVE_ARRAY_TYPE_INFO);
        TextEncoding.ordered(env.fromData(List.of("a red lamp", "green tea")), encode, outType).sinkTo(
                new DiscardingSink<>());

        long started = System.nanoTime();
        assertThatThrownBy(() -> env.execute("missing-model"))
                .satisfies(e -> assertThat(ExceptionUtils.stringifyException(e))
                        .contains("The failure is not recoverable")
                        .contains("Model file missing: " + empty.toAbsolutePath().normalize().resolve("model.onnx")));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("failed without the thousand one-second restarts").isLessThan(Duration.ofSeconds(60));
    }
}
