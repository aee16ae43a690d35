package io.streamrec.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.tools.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap's command line and what it refuses before starting anything, and the shift of the history's times. */
class BootstrapOptionsTest {

    @Test
    void readsItsOwnOptionsAndPassesTheJobOptionsOn(@TempDir Path dir) throws IOException {
        Path dataset = Files.createDirectories(dir.resolve("data"));
        BootstrapOptions options = BootstrapOptions.parse(new String[] {"--dataset", dataset.toString(), "--out",
                dir.resolve("sp").toString(), "--limit", "500", "--", "--recommend.recommender", "BASELINE",
                "--kafka.bootstrap-servers", "kafka:9092"});
        assertThat(options.dataset()).isEqualTo(dataset);
        assertThat(options.out()).isEqualTo(dir.resolve("sp"));
        assertThat(options.limit()).isEqualTo(500);
        assertThat(options.eventTime()).isEqualTo(BootstrapOptions.EventTime.SHIFTED);
        assertThat(options.jobOptions()).containsEntry("recommend.recommender", "BASELINE");
        assertThat(ReplayJobOptions.replaced(options.jobOptions())).containsExactly("kafka.bootstrap-servers");
    }

    @Test
    void refusesWhatCannotWork(@TempDir Path dir) throws IOException {
        Path dataset = Files.createDirectories(dir.resolve("data"));
        String out = dir.resolve("sp").toString();
        assertThatThrownBy(() -> parse("--out", out)).hasMessageContaining("--dataset DIR is required");
        assertThatThrownBy(() -> parse("--dataset", dataset.toString())).hasMessageContaining("--out DIR is required");
        assertThatThrownBy(() -> parse("--dataset", dir.resolve("nowhere").toString(), "--out", out))
                .hasMessageContaining("does not exist or is not a folder");
        Files.writeString(Files.createDirectories(dir.resolve("full")).resolve("_metadata"), "x");
        assertThatThrownBy(() -> parse("--dataset", dataset.toString(), "--out", dir.resolve("full").toString()))
                .hasMessageContaining("exists and is not empty");
        assertThatThrownBy(() -> parse("--dataset", dataset.toString(), "--out", out, "--limit", "-1"))
                .hasMessageContaining("--limit");
        assertThatThrownBy(() -> parse("--dataset", dataset.toString(), "--out", out, "--event-time", "now"))
                .hasMessageContaining("shifted or original");
        assertThatThrownBy(() -> parse("--dataset", dataset.toString(), "--out", out, "--recommend.top-n", "5"))
                .hasMessageContaining("job options go after --");
        assertThatThrownBy(() -> parse("--dataset", dataset.toString(), "--out", out, "--", "--recommend.topn", "5"))
                .hasMessageContaining("Unknown option(s) [recommend.topn]");
    }

    @Test
    void anUnknownDatasetLayoutStopsBeforeAnythingStarts(@TempDir Path dir) throws IOException {
        Path dataset = Files.createDirectories(dir.resolve("data"));
        Files.writeString(dataset.resolve("notes.txt"), "not a dataset");
        BootstrapOptions options = parse("--dataset", dataset.toString(), "--out", dir.resolve("sp").toString());
        assertThatThrownBy(() -> Bootstrap.run(options, new PrintStream(new ByteArrayOutputStream()), r -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no known dataset in")
                .hasMessageContaining("events.csv + items.csv");
        assertThat(dir.resolve("sp")).doesNotExist();
    }

    @Test
    void theShiftMovesTheLastReplayedEventToTheGivenInstantAndKeepsTheGaps() {
        Instant t0 = Instant.parse("2018-01-01T00:00:00Z");
        Dataset history = dataset(List.of(t0, t0.plusSeconds(60), t0.plusSeconds(3600)), t0.minusSeconds(10));
        Instant end = Instant.parse("2026-12-01T12:00:00Z");
        Dataset shifted = ShiftedDataset.endingAt(history, 2, end);
        List<Instant> times = new ArrayList<>();
        shifted.events().forEachRemaining(e -> times.add(e.getEventTime()));
        assertThat(times).containsExactly(end.minusSeconds(60), end, end.plusSeconds(3540));
        assertThat(shifted.items().get(0).getUpdatedAt()).isEqualTo(end.minusSeconds(70));
    }

    private static BootstrapOptions parse(String... args) {
        return BootstrapOptions.parse(args);
    }

    private static Dataset dataset(List<Instant> times, Instant itemTime) {
        Item item = Item.newBuilder().setItemId("i1").setTitle("Item").setCategories(List.of())
                .setUpdatedAt(itemTime).build();
        return new Dataset() {
            @Override
            public String description() {
                return "test";
            }

            @Override
            public List<Item> items() {
                return List.of(item);
            }

            @Override
            public long eventCount() {
                return times.size();
            }

            @Override
            public Iterator<UserEvent> events() {
                List<UserEvent> events = new ArrayList<>();
                for (int i = 0; i < times.size(); i++) {
                    events.add(UserEvent.newBuilder().setEventId("e" + i).setUserId("u").setType(EventType.VIEW)
                            .setItemId("i1").setEventTime(times.get(i)).build());
                }
                return events.iterator();
            }
        };
    }
}
