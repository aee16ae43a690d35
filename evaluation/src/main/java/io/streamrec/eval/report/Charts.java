package io.streamrec.eval.report;

import io.streamrec.eval.metrics.RecommenderResult;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.metrics.Slice;
import io.streamrec.eval.metrics.SliceMetrics;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's plots, as PNG files (headless). */
public final class Charts {
    public static final String NDCG_OVER_TIME = "ndcg-over-time.png";
    public static final String HIT_RATE_AT_K = "hr-at-k.png";
    public static final String COLD_START = "cold-start.png";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    /** Distinct colours, one per recommender in order (XChart's defaults put orange next to yellow). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f), new Color(0x17becf),
        new Color(0xe377c2), new Color(0xbcbd22)};

    private Charts() {}

    /** Writes the three plots into {@code dir}; returns their file names. */
    public static List<String> write(ReplayResult result, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> files = new ArrayList<>();
        if (result.probeTimes().length > 0) {
            save(ndcgOverTime(result), dir, NDCG_OVER_TIME, files);
        }
        save(hitRateAtK(result), dir, HIT_RATE_AT_K, files);
        save(coldStart(result), dir, COLD_START, files);
        return files;
    }

    /** Mean NDCG@N over a rolling window of probes (about a twentieth of them), against event time. */
    static XYChart ndcgOverTime(ReplayResult result) {
        int n = result.topN();
        long[] times = result.probeTimes();
        int window = Math.max(1, Math.min(times.length, Math.max(50, times.length / 20)));
        int step = Math.max(1, times.length / 300);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("NDCG@" + n + " over time (rolling mean of " + window + " probes; line: held-out starts)")
                .xAxisTitle("event time").yAxisTitle("NDCG@" + n).build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        for (RecommenderResult r : result.recommenders()) {
            float[] ndcg = r.ndcgByProbe();
            double[] prefix = new double[ndcg.length + 1];
            for (int i = 0; i < ndcg.length; i++) {
                prefix[i + 1] = prefix[i] + ndcg[i];
            }
            List<Date> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int end = window; end <= ndcg.length; end += step) {
                x.add(new Date(times[end - 1]));
                y.add((prefix[end] - prefix[end - window]) / window);
            }
            if (!x.isEmpty()) {
                style(chart.addSeries(r.name(), x, y), result.recommenders().indexOf(r));
            }
        }
        if (result.split().heldOutStartsAt() != Long.MAX_VALUE) {
            chart.addAnnotation(new AnnotationLine(result.split().heldOutStartsAt(), true, false));
        }
        return chart;
    }

    /** Held-out HR@K for K = 1 .. depth. */
    static XYChart hitRateAtK(ReplayResult result) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Held-out hit rate at K").xAxisTitle("K").yAxisTitle("HR@K").build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        for (RecommenderResult r : result.recommenders()) {
            SliceMetrics held = r.slice(Slice.HELD_OUT);
            double[] k = new double[held.depth()];
            double[] hr = new double[held.depth()];
            for (int i = 0; i < held.depth(); i++) {
                k[i] = i + 1;
                hr[i] = held.hitRate(i + 1);
            }
            style(chart.addSeries(r.name(), k, hr), result.recommenders().indexOf(r));
        }
        return chart;
    }

    /** HR@N on the held-out part, its cold-start items and its new users, side by side. */
    static CategoryChart coldStart(ReplayResult result) {
        int n = result.topN();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Held-out HR@" + n + ": all, cold-start items (< 5 earlier interactions), new users (< 5 events)")
                .xAxisTitle("recommender").yAxisTitle("HR@" + n).build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        List<String> names = result.recommenders().stream().map(RecommenderResult::name).toList();
        for (Slice slice : List.of(Slice.HELD_OUT, Slice.COLD_START, Slice.NEW_USERS)) {
            List<Double> values = result.recommenders().stream().map(r -> r.slice(slice).hitRate(n)).toList();
            chart.addSeries(slice.key, names, values);
        }
        return chart;
    }

    private static void style(XYSeries series, int index) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(PALETTE[index % PALETTE.length]);
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String file,
            List<String> files) throws IOException {
        String base = dir.resolve(file).toString();
        BitmapEncoder.saveBitmap(chart, base.substring(0, base.length() - ".png".length()), BitmapFormat.PNG);
        files.add(file);
    }
}
