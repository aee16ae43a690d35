package io.streamrec.job;

import io.streamrec.metrics.MetricRegistrar;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** A recommender's metrics as Flink metrics of its operator (histograms over the last 1,024 values). */
final class FlinkMetricRegistrar implements MetricRegistrar {
    private final MetricGroup group;

    FlinkMetricRegistrar(MetricGroup group) {
        this.group = group;
    }

    @Override
    public MetricRegistrar group(String name) {
        return new FlinkMetricRegistrar(group.addGroup(name));
    }

    @Override
    public LongConsumer counter(String name) {
        Counter counter = group.counter(name);
        return counter::inc;
    }

    @Override
    public void gauge(String name, Supplier<? extends Number> value) {
        group.gauge(name, value::get);
    }

    @Override
    public LongConsumer histogram(String name) {
        Histogram histogram = group.histogram(name, new DescriptiveStatisticsHistogram(1024));
        return histogram::update;
    }
}
