package io.streamrec.tools.data;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MovieLens "latest" folder ({@code movies.csv}, {@code ratings.csv}, optional
 * {@code tags.csv}) and maps it to the product's records:
 *
 * <ul>
 *   <li>each movie becomes an {@link Item}: id {@code m<movieId>}, the title, categories = genres split
 *       on '|' ("(no genres listed)" gives none), description {@code "Genres: A, B."} (null without
 *       genres), no price, {@code updated_at} = the later of the dataset's first event and the first of
 *       January of the release year in the title ("Heat (1995)"): a movie does not enter the catalogue
 *       before the year it came out (MovieLens has no other catalogue dates; a title without a year enters
 *       at the start);</li>
 *   <li>each rating becomes a VIEW event with id {@code ml-r-<user>-<movie>-<timestamp>} carrying the
 *       rating; a rating of 4 or more also becomes a PURCHASE event (the positive signal) with id
 *       {@code ml-p-<user>-<movie>-<timestamp>} at the same time, right after the VIEW;</li>
 *   <li>each tag becomes a REVIEW event with the tag as its text and id
 *       {@code ml-t-<user>-<movie>-<timestamp>-<hex hash of the tag>} (a user may tag one movie several
 *       times in the same second);</li>
 *   <li>user ids are {@code u<userId>}; timestamps (epoch seconds) become event times; events are
 *       sorted by time, stably (ratings before tags at equal times).</li>
 * </ul>
 */
public final class MovieLensReader {
    static final String NO_GENRES = "(no genres listed)";

    private MovieLensReader() {}

    public static boolean recognises(Path dir) {
        return Files.isRegularFile(dir.resolve("movies.csv")) && Files.isRegularFile(dir.resolve("ratings.csv"));
    }

    public static Dataset read(Path dir) throws IOException {
        EventLog events = new EventLog();
        CsvFile.readWithHeader(dir.resolve("ratings.csv"), List.of("userId", "movieId", "rating", "timestamp"),
                row -> {
                    long user = row.wholeNumber("userId", row.required("userId"));
                    long movie = row.wholeNumber("movieId", row.required("movieId"));
                    float rating = row.number("rating", row.required("rating"));
                    long seconds = row.wholeNumber("timestamp", row.required("timestamp"));
                    addRating(events, user, movie, rating, seconds);
                });
        Path tags = dir.resolve("tags.csv");
        if (Files.isRegularFile(tags)) {
            CsvFile.readWithHeader(tags, List.of("userId", "movieId", "tag", "timestamp"), row -> {
                long user = row.wholeNumber("userId", row.required("userId"));
                long movie = row.wholeNumber("movieId", row.required("movieId"));
                String tag = row.required("tag");
                long seconds = row.wholeNumber("timestamp", row.required("timestamp"));
                addTag(events, user, movie, tag, seconds);
            });
        }
        events.sortByTime();
        Instant catalogueTime = Instant.ofEpochMilli(events.firstTime(0));
        List<Item> items = new ArrayList<>();
        CsvFile.readWithHeader(dir.resolve("movies.csv"), List.of("movieId", "title", "genres"), row -> {
            long movie = row.wholeNumber("movieId", row.required("movieId"));
            String title = row.required("title");
            items.add(movie(movie, title, List.of(row.text("genres").split("\\|")), entersCatalogue(title, catalogueTime)));
        });
        return new FileDataset("movielens-latest " + dir, items, events);
    }

    /** A release year at the end of a MovieLens title: "Heat (1995)", "Babylon 5 (1994) " (not "(2007-)"). */
    private static final Pattern RELEASE_YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    /** The later of {@code start} and the first of January of the release year in {@code title}, if any. */
    static Instant entersCatalogue(String title, Instant start) {
        Matcher m = RELEASE_YEAR.matcher(title);
        if (!m.find()) {
            return start;
        }
        Instant released = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return released.isAfter(start) ? released : start;
    }

    /** A VIEW for the rating, and a PURCHASE at the same time when the rating is 4 or more. */
    static void addRating(EventLog events, long user, long movie, float rating, long seconds) {
        String suffix = user + "-" + movie + "-" + seconds;
        events.add("ml-r-" + suffix, userId(user), EventType.VIEW, itemId(movie), seconds * 1000, null, rating);
        if (rating >= 4) {
            events.add("ml-p-" + suffix, userId(user), EventType.PURCHASE, itemId(movie), seconds * 1000, null,
                    rating);
        }
    }

    static void addTag(EventLog events, long user, long movie, String tag, long seconds) {
        String id = String.format(Locale.ROOT, "ml-t-%d-%d-%d-%08x", user, movie, seconds, tag.hashCode());
        events.add(id, userId(user), EventType.REVIEW, itemId(movie), seconds * 1000, tag, null);
    }

    static Item movie(long movie, String title, List<String> genres, Instant catalogueTime) {
        List<String> categories = genres.stream()
                .map(String::trim)
                .filter(g -> !g.isEmpty() && !g.equals(NO_GENRES) && !g.equals("unknown"))
                .toList();
        return Item.newBuilder()
                .setItemId(itemId(movie))
                .setTitle(title)
                .setDescription(categories.isEmpty() ? null : "Genres: " + String.join(", ", categories) + ".")
                .setCategories(categories)
                .setPrice(null)
                .setImageVector(null)
                .setUpdatedAt(catalogueTime)
                .build();
    }

    static String userId(long user) {
        return "u" + user;
    }

    static String itemId(long movie) {
        return "m" + movie;
    }
}
