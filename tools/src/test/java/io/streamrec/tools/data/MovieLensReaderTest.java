package io.streamrec.tools.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensReaderTest {
    @TempDir
    Path dir;

    @Test
    void mapsMoviesRatingsAndTagsInTimeOrder() throws IOException {
        write("movies.csv", "movieId,title,genres",
                "1,Toy Story (1995),Adventure|Animation|Children",
                "2,\"American President, The (1995)\",Comedy|Drama|Romance",
                "3,Nothing Known (2001),(no genres listed)");
        // Deliberately not in time order, as the real file (sorted by user) is not either.
        write("ratings.csv", "userId,movieId,rating,timestamp",
                "1,1,4.0,964982703",
                "1,2,3.5,964981247",
                "7,2,5.0,964982703");
        write("tags.csv", "userId,movieId,tag,timestamp",
                "2,1,pixar,964982800",
                "2,1,\"funny, clever\",964982800");

        Dataset dataset = DatasetReader.open(dir);

        Instant first = Instant.ofEpochSecond(964981247);
        assertThat(dataset.items()).containsExactly(
                item("m1", "Toy Story (1995)", "Genres: Adventure, Animation, Children.",
                        List.of("Adventure", "Animation", "Children"), first),
                item("m2", "American President, The (1995)", "Genres: Comedy, Drama, Romance.",
                        List.of("Comedy", "Drama", "Romance"), first),
                // Released after the first event (2000-07-30): it enters on the first of January 2001.
                item("m3", "Nothing Known (2001)", null, List.of(), Instant.parse("2001-01-01T00:00:00Z")));
        assertThat(dataset.description()).startsWith("movielens-latest ");
        assertThat(dataset.eventCount()).isEqualTo(7);
        assertThat(events(dataset)).containsExactly(
                event("ml-r-1-2-964981247", "u1", EventType.VIEW, "m2", 964981247, null, 3.5f),
                event("ml-r-1-1-964982703", "u1", EventType.VIEW, "m1", 964982703, null, 4f),
                event("ml-p-1-1-964982703", "u1", EventType.PURCHASE, "m1", 964982703, null, 4f),
                event("ml-r-7-2-964982703", "u7", EventType.VIEW, "m2", 964982703, null, 5f),
                event("ml-p-7-2-964982703", "u7", EventType.PURCHASE, "m2", 964982703, null, 5f),
                event(String.format("ml-t-2-1-964982800-%08x", "pixar".hashCode()), "u2", EventType.REVIEW, "m1",
                        964982800, "pixar", null),
                event(String.format("ml-t-2-1-964982800-%08x", "funny, clever".hashCode()), "u2", EventType.REVIEW,
                        "m1", 964982800, "funny, clever", null));
        // Each call starts again.
        assertThat(events(dataset)).hasSize(7);
    }

    @Test
    void tagsAreOptional() throws IOException {
        write("movies.csv", "movieId,title,genres", "1,A,Drama");
        write("ratings.csv", "userId,movieId,rating,timestamp", "1,1,2.0,100");
        assertThat(events(DatasetReader.open(dir))).extracting(UserEvent::getEventId).containsExactly("ml-r-1-1-100");
    }

    @Test
    void badNumberIsReportedWithFileAndLine() throws IOException {
        write("movies.csv", "movieId,title,genres", "1,A,Drama");
        write("ratings.csv", "userId,movieId,rating,timestamp", "1,1,2.0,100", "1,2,good,100");
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessage(dir.resolve("ratings.csv") + ":3: rating 'good' is not a number")
                .satisfies(e -> assertThat(((MalformedDatasetException) e).line()).isEqualTo(3));
    }

    @Test
    void shortRowMissingColumnAndBrokenQuotingAreReported() throws IOException {
        write("movies.csv", "movieId,title,genres", "1,A,Drama");
        write("ratings.csv", "userId,movieId,rating,timestamp", "1,1,2.0,100", "", "1,2");
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .hasMessage(dir.resolve("ratings.csv") + ":4: expected at least 4 fields, found 2");

        write("ratings.csv", "userId,movie,rating,timestamp", "1,1,2.0,100");
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .hasMessageStartingWith(dir.resolve("ratings.csv") + ":1: header lacks column 'movieId'");

        write("ratings.csv", "userId,movieId,rating,timestamp", "1,1,2.0,100");
        write("movies.csv", "movieId,title,genres", "1,A,Drama", "2,\"Broken \"quote,Drama");
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessageStartingWith(dir.resolve("movies.csv") + ":3: not valid delimited text");
    }

    @Test
    void aMovieEntersTheCatalogueNoEarlierThanItsReleaseYear() {
        Instant start = Instant.parse("2000-07-30T00:00:00Z");
        assertThat(MovieLensReader.entersCatalogue("Heat (1995)", start)).isEqualTo(start);
        assertThat(MovieLensReader.entersCatalogue("Memento (2000)", start)).isEqualTo(start);
        assertThat(MovieLensReader.entersCatalogue("Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001) ", start))
                .isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(MovieLensReader.entersCatalogue("Babylon 5 (2007-)", start)).as("no single year").isEqualTo(start);
        assertThat(MovieLensReader.entersCatalogue("Untitled", start)).isEqualTo(start);
    }

    @Test
    void readsTheRealSmallDatasetWhenPresent() throws IOException {
        Path real = Path.of("/work/shared/datasets/ml-latest-small");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(real), "real dataset not on this machine");
        Dataset dataset = DatasetReader.open(real);
        assertThat(dataset.items()).hasSize(9742);
        long positives = 0;
        long previous = Long.MIN_VALUE;
        for (var it = dataset.events(); it.hasNext(); ) {
            UserEvent e = it.next();
            assertThat(e.getEventTime().toEpochMilli()).isGreaterThanOrEqualTo(previous);
            previous = e.getEventTime().toEpochMilli();
            positives += e.getType() == EventType.PURCHASE ? 1 : 0;
        }
        assertThat(dataset.eventCount()).isEqualTo(100_836 + positives + 3_683);
    }

    private void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    static List<UserEvent> events(Dataset dataset) {
        List<UserEvent> events = new ArrayList<>();
        dataset.events().forEachRemaining(events::add);
        return events;
    }

    static Item item(String id, String title, String description, List<String> categories, Instant time) {
        return Item.newBuilder().setItemId(id).setTitle(title).setDescription(description).setCategories(categories)
                .setPrice(null).setImageVector(null).setUpdatedAt(time).build();
    }

    static UserEvent event(String id, String user, EventType type, String item, long seconds, String text,
            Float rating) {
        return UserEvent.newBuilder().setEventId(id).setUserId(user).setType(type).setItemId(item)
                .setEventTime(Instant.ofEpochSecond(seconds)).setContext(null).setText(text).setRating(rating)
                .setRecommendationId(null).build();
    }
}
