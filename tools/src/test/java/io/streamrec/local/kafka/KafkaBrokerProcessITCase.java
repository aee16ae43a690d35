package io.streamrec.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.schemas.Topic;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessITCase {

    @Test
    void startsCreatesTopicsServesAndStops() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startEphemeral()) {
            List<String> created = TopicAdmin.createTopics(broker.bootstrapServers());
            assertThat(created).hasSize(Topic.values().length);
            // Idempotent: a second call creates nothing.
            assertThat(TopicAdmin.createTopics(broker.bootstrapServers())).isEmpty();

            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin client = Admin.create(admin)) {
                Map<String, TopicDescription> topics =
                        client.describeTopics(Set.of("views", "items")).allTopicNames().get(30, TimeUnit.SECONDS);
                assertThat(topics.get("views").partitions()).hasSize(Topic.VIEWS.partitions());
                ConfigResource items = new ConfigResource(ConfigResource.Type.TOPIC, "items");
                ConfigEntry policy = client.describeConfigs(Set.of(items)).all().get(30, TimeUnit.SECONDS)
                        .get(items).get("cleanup.policy");
                assertThat(policy.value()).isEqualTo("compact");
            }

            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("views", "u1", "hello")).get(30, TimeUnit.SECONDS);
            }
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "t");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("views"));
                String value = null;
                // Ends as soon as the record arrives; generous for a slow machine (group join, first fetch).
                long deadline = System.currentTimeMillis() + 180_000;
                while (value == null && System.currentTimeMillis() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (var r : records) {
                        value = r.value();
                    }
                }
                assertThat(value).isEqualTo("hello");
            }
            long pid = broker.pid();
            broker.close();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Files.readString(broker.dataDir().resolve("broker.log"))).contains("Kafka Server started");
        }
    }

    @Test
    void takenPortIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBrokerProcess.start(Files.createTempDirectory("k"), taken.getLocalPort(), 0,
                            Duration.ofSeconds(10)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already taken");
        }
    }
}
