package io.streamrec.tools.data;

import static io.streamrec.tools.data.MovieLensReaderTest.event;
import static io.streamrec.tools.data.MovieLensReaderTest.events;
import static io.streamrec.tools.data.MovieLensReaderTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEventsAndItemsWithCreationTimes() throws IOException {
        write("events.csv", "user_id,item_id,event_type,timestamp,text",
                "alice,i1,view,1000,",
                "bob,,search,990,\"tents, waterproof\"",
                "alice,i1,review,1005,\"Great tent, \"\"really\"\" dry\"",
                "alice,i2,PURCHASE,1010");
        write("items.csv", "item_id,title,description,category,created_at",
                "i2,Late tent,,hiking|camping,1008",
                "i1,Early tent,A dry tent.,hiking,");

        Dataset dataset = DatasetReader.open(dir);

        assertThat(dataset.description()).startsWith("generic-csv ");
        // Sorted by the time they enter the catalogue; no created_at means from the first event on.
        assertThat(dataset.items()).containsExactly(
                item("i1", "Early tent", "A dry tent.", List.of("hiking"), Instant.ofEpochSecond(990)),
                item("i2", "Late tent", null, List.of("hiking", "camping"), Instant.ofEpochSecond(1008)));
        assertThat(events(dataset)).containsExactly(
                event("ev-3", "bob", EventType.SEARCH, null, 990, "tents, waterproof", null),
                event("ev-2", "alice", EventType.VIEW, "i1", 1000, null, null),
                event("ev-4", "alice", EventType.REVIEW, "i1", 1005, "Great tent, \"really\" dry", null),
                event("ev-5", "alice", EventType.PURCHASE, "i2", 1010, null, null));
    }

    @Test
    void optionalRatingColumnIsRead() throws IOException {
        write("events.csv", "timestamp,user_id,item_id,event_type,text,rating", "5,u,i,review,ok,4");
        write("items.csv", "item_id,title", "i,T");
        assertThat(events(DatasetReader.open(dir)).get(0).getRating()).isEqualTo(4f);
    }

    @Test
    void invalidRowsAreReportedWithFileAndLine() throws IOException {
        write("items.csv", "item_id,title,description,category,created_at", "i1,T,,,");
        write("events.csv", "user_id,item_id,event_type,timestamp,text", "a,i1,view,1,", "a,i1,like,2,");
        assertThatThrownBy(() -> DatasetReader.open(dir)).isInstanceOf(MalformedDatasetException.class).hasMessage(
                dir.resolve("events.csv") + ":3: event_type 'like' is not one of view, click, purchase, search, review");

        write("events.csv", "user_id,item_id,event_type,timestamp,text", "a,,click,1,");
        assertThatThrownBy(() -> DatasetReader.open(dir)).hasMessage(
                dir.resolve("events.csv") + ":2: item_id is empty, but a click names an item");

        write("events.csv", "user_id,item_id,event_type,timestamp,text", "a,i1,review,1,");
        assertThatThrownBy(() -> DatasetReader.open(dir)).hasMessage(
                dir.resolve("events.csv") + ":2: text is empty, but a review needs one");

        write("events.csv", "user_id,item_id,event_type,timestamp,text", "a,i1,view,1,");
        write("items.csv", "item_id,title,description,category,created_at", "i1,T,,,", ",No id,,,");
        assertThatThrownBy(() -> DatasetReader.open(dir)).hasMessage(dir.resolve("items.csv") + ":3: item_id is empty");
    }

    @Test
    void itemsFileIsRequired() throws IOException {
        write("events.csv", "user_id,item_id,event_type,timestamp,text", "a,i1,view,1,");
        assertThatThrownBy(() -> DatasetReader.open(dir)).hasMessageContaining("no items.csv");
    }

    @Test
    void unknownFolderNamesTheExpectedLayouts() throws IOException {
        write("notes.txt", "nothing here");
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .hasMessageContaining("no known dataset in " + dir.toAbsolutePath())
                .hasMessageContaining("movies.csv + ratings.csv")
                .hasMessageContaining("u.data + u.item")
                .hasMessageContaining("events.csv + items.csv");
        assertThatThrownBy(() -> DatasetReader.open(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }

    private void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
