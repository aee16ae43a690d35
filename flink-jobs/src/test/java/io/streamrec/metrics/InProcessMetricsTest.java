package io.streamrec.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessMetricsTest {
    private final InProcessMetrics.Reporter reporter = new InProcessMetrics.Reporter();

    /** A metric group of one subtask of {@code operator}. */
    private static UnregisteredMetricsGroup operator(String operator) {
        return new UnregisteredMetricsGroup() {
            @Override
            public Map<String, String> getAllVariables() {
                return Map.of("<operator_name>", operator);
            }
        };
    }

    @AfterEach
    void clear() {
        InProcessMetrics.clear();
    }

    @Test
    void sumsCountersAndNumericGaugesOverSubtasksUntilRemoved() {
        SimpleCounter a = new SimpleCounter();
        SimpleCounter b = new SimpleCounter();
        a.inc(3);
        b.inc(4);
        Gauge<Long> g1 = () -> 10L;
        Gauge<Integer> g2 = () -> 5;
        Gauge<String> text = () -> "not a number";
        reporter.notifyOfAddedMetric(a, "out", operator("rank"));
        reporter.notifyOfAddedMetric(b, "out", operator("rank"));
        reporter.notifyOfAddedMetric(g1, "reused", operator("rank"));
        reporter.notifyOfAddedMetric(g2, "reused", operator("rank"));
        reporter.notifyOfAddedMetric(text, "reused", operator("rank"));

        assertThat(InProcessMetrics.sum("rank", "out")).isEqualTo(7);
        assertThat(InProcessMetrics.gaugeSum("rank", "reused")).isEqualTo(15);
        // A counter is not a gauge and the other way round; unknown operators or metrics are 0.
        assertThat(InProcessMetrics.gaugeSum("rank", "out")).isZero();
        assertThat(InProcessMetrics.sum("rank", "reused")).isZero();
        assertThat(InProcessMetrics.sum("other", "out")).isZero();

        reporter.notifyOfRemovedMetric(a, "out", operator("rank"));
        reporter.notifyOfRemovedMetric(g1, "reused", operator("rank"));
        assertThat(InProcessMetrics.sum("rank", "out")).isEqualTo(4);
        assertThat(InProcessMetrics.gaugeSum("rank", "reused")).isEqualTo(5);

        InProcessMetrics.clear();
        assertThat(InProcessMetrics.sum("rank", "out")).isZero();
    }

    @Test
    void histogramQuantilesAreAveragedOverSubtasksWithSamples() {
        DescriptiveStatisticsHistogram one = new DescriptiveStatisticsHistogram(100);
        DescriptiveStatisticsHistogram two = new DescriptiveStatisticsHistogram(100);
        DescriptiveStatisticsHistogram empty = new DescriptiveStatisticsHistogram(100);
        for (int i = 1; i <= 99; i++) {
            one.update(i); // median 50
            two.update(100 + i); // median 150
        }
        assertThat(InProcessMetrics.histogramQuantile("rank", "micros", 0.5)).isNull();
        reporter.notifyOfAddedMetric(one, "micros", operator("rank"));
        reporter.notifyOfAddedMetric(two, "micros", operator("rank"));
        reporter.notifyOfAddedMetric(empty, "micros", operator("rank"));
        assertThat(InProcessMetrics.histogramQuantile("rank", "micros", 0.5)).isCloseTo(100.0, within(0.5));
        assertThat(InProcessMetrics.histogramQuantile("rank", "micros", 0.95)).isGreaterThan(140.0);
        assertThat(InProcessMetrics.histogramMean("rank", "micros")).isCloseTo(100.0, within(1e-9)); // (50 + 150) / 2
        assertThat(InProcessMetrics.histogramQuantile("other", "micros", 0.5)).isNull();
    }

    @Test
    void gaugeMinIsTheSlowestSubtaskOnceEveryOneHasRegistered() {
        long[] indexed = {60, 12};
        reporter.notifyOfAddedMetric((Gauge<Long>) () -> indexed[0], "itemsIndexed", operator("rank"));
        assertThat(InProcessMetrics.gaugeMin("rank", "itemsIndexed", 2)).as("one of two subtasks registered").isEqualTo(-1);
        reporter.notifyOfAddedMetric((Gauge<Long>) () -> indexed[1], "itemsIndexed", operator("rank"));
        assertThat(InProcessMetrics.gaugeMin("rank", "itemsIndexed", 2)).isEqualTo(12);
        indexed[1] = 60;
        assertThat(InProcessMetrics.gaugeMin("rank", "itemsIndexed", 2)).as("read live").isEqualTo(60);
        assertThat(InProcessMetrics.gaugeMin("other", "itemsIndexed", 1)).isEqualTo(-1);
    }
}
