package io.streamrec.bench.sentiment;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Labelled reviews from an Amazon reviews file (one JSON object a line, gzipped): positive 4-5 stars,
 * negative 1-2 stars, 3 left out, exact duplicates (same user, item, time, text) removed; the text is
 * "summary. reviewText".
 */
final class AmazonReviews {
    private AmazonReviews() {}

    record Review(String text, boolean positive) {}

    /** Reads the first {@code *.json.gz} in {@code dir}; counts rows, duplicates and three-star reviews. */
    static List<Review> read(Path dir, int[] counts) throws Exception {
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(".json.gz")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no *.json.gz in " + dir));
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        List<Review> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                counts[0]++;
                JsonNode n = json.readTree(line);
                String text = n.path("reviewText").asText("");
                String summary = n.path("summary").asText("");
                String key = n.path("reviewerID").asText() + '\u0001' + n.path("asin").asText() + '\u0001'
                        + n.path("unixReviewTime").asLong() + '\u0001' + text;
                if (!seen.add(key)) {
                    counts[1]++;
                    continue;
                }
                double stars = n.path("overall").asDouble();
                if (stars == 3.0) {
                    counts[2]++;
                    continue;
                }
                String both = summary.isBlank() ? text : summary + ". " + text;
                if (both.isBlank()) {
                    continue;
                }
                out.add(new Review(both, stars >= 4.0));
            }
        }
        return out;
    }
}
