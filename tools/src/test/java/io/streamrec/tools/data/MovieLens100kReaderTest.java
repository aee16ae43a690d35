package io.streamrec.tools.data;

import static io.streamrec.tools.data.MovieLensReaderTest.event;
import static io.streamrec.tools.data.MovieLensReaderTest.events;
import static io.streamrec.tools.data.MovieLensReaderTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLens100kReaderTest {
    private static final String NO_GENRE = "|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0";
    @TempDir
    Path dir;

    @Test
    void mapsUDataAndUItemLikeTheLatestLayout() throws IOException {
        write("u.data", "196\t242\t3\t881250949", "186\t302\t4\t881250900");
        // Latin-1 title; flags: unknown, Action, Adventure, ... (Comedy is the 6th flag, Sci-Fi the 16th).
        write("u.item",
                "242|Kolya (1996)|24-Jan-1997||http://x|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|1|0|0|0",
                "302|Café Society (1995)|01-Jan-1995||http://y" + NO_GENRE.replaceFirst("\\|0", "|1"));

        Dataset dataset = DatasetReader.open(dir);

        Instant first = Instant.ofEpochSecond(881250900);
        assertThat(dataset.description()).startsWith("movielens-100k ");
        assertThat(dataset.items()).containsExactly(
                item("m242", "Kolya (1996)", "Genres: Comedy, Sci-Fi.", List.of("Comedy", "Sci-Fi"), first),
                item("m302", "Café Society (1995)", null, List.of(), first));
        assertThat(events(dataset)).containsExactly(
                event("ml-r-186-302-881250900", "u186", EventType.VIEW, "m302", 881250900, null, 4f),
                event("ml-p-186-302-881250900", "u186", EventType.PURCHASE, "m302", 881250900, null, 4f),
                event("ml-r-196-242-881250949", "u196", EventType.VIEW, "m242", 881250949, null, 3f));
    }

    @Test
    void badGenreFlagIsReportedWithFileAndLine() throws IOException {
        write("u.data", "1\t1\t3\t100");
        write("u.item", "1|A|x||u" + NO_GENRE, "2|B|x||u" + NO_GENRE.replace("|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0",
                "|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|yes"));
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessage(dir.resolve("u.item") + ":2: genre flag Western is 'yes', expected 0 or 1");
    }

    @Test
    void badTimestampIsReportedWithFileAndLine() throws IOException {
        write("u.data", "1\t1\t3\t100", "1\t2\t3\tyesterday");
        write("u.item", "1|A|x||u" + NO_GENRE);
        assertThatThrownBy(() -> DatasetReader.open(dir))
                .hasMessage(dir.resolve("u.data") + ":2: timestamp 'yesterday' is not a whole number");
    }

    private void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
    }
}
