package io.streamrec.text.flink;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Puts an {@link EncodeTextAsyncFunction} into a stream with the capacity and timeout of its settings. */
public final class TextEncoding {

    private TextEncoding() {}

    /** Keeps the input order (per-item order of text versions is kept); use for item updates. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> ordered(
            DataStream<IN> input, EncodeTextAsyncFunction<IN, OUT> function, TypeInformation<OUT> outType) {
        return AsyncDataStream.orderedWait(input, function, function.settings().asyncTimeout().toMillis(),
                        TimeUnit.MILLISECONDS, function.settings().asyncCapacity())
                .returns(outType)
                .name("encode-text");
    }

    /** Emits as soon as encoded (lower latency; order only kept across watermarks). */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unordered(
            DataStream<IN> input, EncodeTextAsyncFunction<IN, OUT> function, TypeInformation<OUT> outType) {
        return AsyncDataStream.unorderedWait(input, function, function.settings().asyncTimeout().toMillis(),
                        TimeUnit.MILLISECONDS, function.settings().asyncCapacity())
                .returns(outType)
                .name("encode-text");
    }
}
