package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.schemas.Topic;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayProducerTest {

    @Test
    void unreachableBrokerIsAClearErrorNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String bootstrap = "127.0.0.1:" + port;
        long start = System.nanoTime();
        assertThatThrownBy(() -> ReplayProducer.run(new ReplayProducerSettings().bootstrap(bootstrap).events(10)
                        .connectTimeout(Duration.ofSeconds(2)).progress(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot reach Kafka at " + bootstrap + " within 2 s (is a broker running there?)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void allEventsNeedADataset() {
        assertThatThrownBy(() -> ReplayProducer.run(new ReplayProducerSettings().events(0).progress(null)))
                .hasMessageContaining("--events 0 (all) needs --dataset");
    }

    @Test
    void eventTypesMapToTheirTopics() {
        assertThat(ReplayProducer.topicOf(EventType.VIEW)).isEqualTo(Topic.VIEWS);
        assertThat(ReplayProducer.topicOf(EventType.CLICK)).isEqualTo(Topic.CLICKS);
        assertThat(ReplayProducer.topicOf(EventType.PURCHASE)).isEqualTo(Topic.PURCHASES);
        assertThat(ReplayProducer.topicOf(EventType.SEARCH)).isEqualTo(Topic.TEXT_EVENTS);
        assertThat(ReplayProducer.topicOf(EventType.REVIEW)).isEqualTo(Topic.TEXT_EVENTS);
    }
}
