package io.streamrec.tools.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the classic MovieLens 100K layout: {@code u.data} (tab-separated user, item, rating,
 * timestamp; no header) and {@code u.item} (pipe-separated, ISO-8859-1: id, title, release date,
 * video release date, IMDb URL, then 19 genre flags in the order of {@link #GENRES}). Mapped exactly as
 * {@link MovieLensReader} maps the "latest" layout; the "unknown" genre gives no category, and there
 * are no tags.
 */
public final class MovieLens100kReader {
    /** The genre flags' order, as listed in u.genre. */
    static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");
    private static final int FIRST_FLAG = 5;

    private MovieLens100kReader() {}

    public static boolean recognises(Path dir) {
        return Files.isRegularFile(dir.resolve("u.data")) && Files.isRegularFile(dir.resolve("u.item"));
    }

    public static Dataset read(Path dir) throws IOException {
        EventLog events = new EventLog();
        CsvFile.readPlain(dir.resolve("u.data"), '\t', StandardCharsets.UTF_8, 4, row -> {
            long user = row.wholeNumber("user id", row.text(0));
            long movie = row.wholeNumber("item id", row.text(1));
            float rating = row.number("rating", row.text(2));
            long seconds = row.wholeNumber("timestamp", row.text(3));
            MovieLensReader.addRating(events, user, movie, rating, seconds);
        });
        events.sortByTime();
        Instant catalogueTime = Instant.ofEpochMilli(events.firstTime(0));
        List<io.streamrec.avro.Item> items = new ArrayList<>();
        CsvFile.readPlain(dir.resolve("u.item"), '|', StandardCharsets.ISO_8859_1, FIRST_FLAG + GENRES.size(), row -> {
            long movie = row.wholeNumber("movie id", row.text(0));
            String title = row.text(1);
            if (title.isEmpty()) {
                throw row.error("movie title is empty");
            }
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < GENRES.size(); g++) {
                String flag = row.text(FIRST_FLAG + g);
                if (!flag.equals("0") && !flag.equals("1")) {
                    throw row.error("genre flag " + GENRES.get(g) + " is '" + flag + "', expected 0 or 1");
                }
                if (flag.equals("1")) {
                    genres.add(GENRES.get(g));
                }
            }
            items.add(MovieLensReader.movie(movie, title, genres, catalogueTime));
        });
        return new FileDataset("movielens-100k " + dir, items, events);
    }
}
