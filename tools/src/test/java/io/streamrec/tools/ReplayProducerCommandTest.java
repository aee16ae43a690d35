package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.local.CommandLines;
import io.streamrec.schemas.Topic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayProducerCommandTest {

    private static ReplayProducerSettings parse(String... args) {
        ReplayProducerCommand command = new ReplayProducerCommand();
        CommandLines.of(command).parseArgs(args);
        return command.settings();
    }

    @Test
    void defaults() {
        ReplayProducerSettings s = parse();
        assertThat(s.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.events()).isEqualTo(10_000);
        assertThat(s.rate()).isEqualTo(1000);
        assertThat(s.dataset()).isNull();
        assertThat(s.badRecords()).isZero();
        assertThat(s.eventTime()).isEqualTo(ReplayProducerSettings.EventTime.NOW);
        assertThat(s.runId(36)).isEqualTo("10");
        assertThat(s.topicName(Topic.TEXT_EVENTS)).isEqualTo("text-events");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void optionsOverrideDefaults() {
        ReplayProducerSettings s = parse("--bootstrap", "k:1", "--events", "0", "--rate", "2.5", "--dataset",
                "/data/ml", "--seed", "7", "--bad-records", "3", "--topic-views", "v2", "--topic-text-events=t2",
                "--items", "300", "--users", "20");
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
        assertThat(s.eventTime()).isEqualTo(ReplayProducerSettings.EventTime.ORIGINAL);
        assertThat(s.runId(36)).isEmpty();
        assertThat(parse("--events", "1_000", "--event-time", "original").events()).isEqualTo(1000);
        // A script's default first, the user's value after it: the last wins.
        assertThat(parse("--rate", "5", "--rate", "7").rate()).isEqualTo(7);
    }

    @Test
    void invalidValuesAreClearErrors() {
        assertThatThrownBy(() -> parse("--event-time", "later"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--event-time").hasMessageContaining("NOW, ORIGINAL").hasMessageContaining("later");
        assertThatThrownBy(() -> parse("--rate", "-1")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--events", "many")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--events': 'many' is not a whole number");
        assertThatThrownBy(() -> parse("--evnets", "5")).isInstanceOf(CommandLine.UnmatchedArgumentException.class)
                .hasMessageContaining("'--evnets'");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cl = CommandLines.of(new ReplayProducerCommand());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ReplayProducer").contains("--bootstrap=HOST:PORT")
                .contains("Default: 127.0.0.1:9092").contains("--topic-text-events=NAME").contains("--catalogue-lead")
                .contains("--event-time");
    }

    @Test
    void aValueOutOfRangeIsOneLineAndExitCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = CommandLines.of(new ReplayProducerCommand());
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--bad-records", "-2")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("ReplayProducer: --bad-records must not be negative: -2 (see --help)");
    }
}
