package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.local.CommandLine;
import io.streamrec.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaySettingsTest {

    @Test
    void defaults() {
        ReplaySettings s = ReplaySettings.fromCommandLine(CommandLine.parse(List.of()));
        assertThat(s.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.events()).isEqualTo(10_000);
        assertThat(s.rate()).isEqualTo(1000);
        assertThat(s.dataset()).isNull();
        assertThat(s.badRecords()).isZero();
        assertThat(s.eventTime()).isEqualTo(ReplaySettings.EventTime.NOW);
        assertThat(s.runId(36)).isEqualTo("10");
        assertThat(s.topicName(Topic.TEXT_EVENTS)).isEqualTo("text-events");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void optionsOverrideDefaults() {
        ReplaySettings s = ReplaySettings.fromCommandLine(CommandLine.parse(List.of("--bootstrap", "k:1",
                "--events", "0", "--rate", "2.5", "--dataset", "/data/ml", "--seed", "7", "--bad-records", "3",
                "--topic-views", "v2", "--topic-text-events", "t2", "--items", "300", "--users", "20")));
        assertThat(s.bootstrap()).isEqualTo("k:1");
        assertThat(s.events()).isZero();
        assertThat(s.rate()).isEqualTo(2.5);
        assertThat(s.dataset()).isEqualTo(Path.of("/data/ml"));
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.badRecords()).isEqualTo(3);
        assertThat(s.topicName(Topic.VIEWS)).isEqualTo("v2");
        assertThat(s.topicName(Topic.TEXT_EVENTS)).isEqualTo("t2");
        assertThat(s.topicName(Topic.CLICKS)).isEqualTo("clicks");
        assertThat(s.items()).isEqualTo(300);
        assertThat(s.users()).isEqualTo(20);
        // A dataset keeps its own times and ids by default.
        assertThat(s.eventTime()).isEqualTo(ReplaySettings.EventTime.ORIGINAL);
        assertThat(s.runId(36)).isEmpty();
    }

    @Test
    void invalidValuesAreClearErrors() {
        assertThatThrownBy(() -> ReplaySettings.fromCommandLine(CommandLine.parse(List.of("--event-time", "later"))))
                .hasMessage("--event-time expects now or original, got 'later'");
        assertThatThrownBy(() -> ReplaySettings.fromCommandLine(CommandLine.parse(List.of("--rate", "-1"))))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> ReplaySettings.fromCommandLine(CommandLine.parse(List.of("--events", "many"))))
                .hasMessage("--events expects a whole number, got 'many'");
    }
}
