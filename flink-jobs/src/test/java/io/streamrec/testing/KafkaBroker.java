package io.streamrec.testing;

import io.streamrec.local.kafka.KafkaBrokerProcess;
import io.streamrec.local.kafka.TopicAdmin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker (KRaft, its own process) with every product topic, for the tests of one class:
 * {@code @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();}
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
    private KafkaBrokerProcess broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = KafkaBrokerProcess.startEphemeral();
        TopicAdmin.createTopics(broker.bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while the test class does");
        }
        return broker.bootstrapServers();
    }
}
