package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.config.ModelOptions;
import io.streamrec.recommenders.ModelSettings;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void theTransitionWindowReachesTheModelSettings() {
        Configuration config = new Configuration();
        assertThat(Settings.model(config).transitionWindow).isEqualTo(ModelSettings.DEFAULT_TRANSITION_WINDOW);
        config.set(ModelOptions.CO_OCCURRENCE_TRANSITION_WINDOW, 2);
        assertThat(Settings.model(config).transitionWindow).isEqualTo(2);
    }

    @Test
    void aTransitionWindowBelowOneIsAClearError() {
        Configuration config = new Configuration();
        config.set(ModelOptions.CO_OCCURRENCE_TRANSITION_WINDOW, 0);
        assertThatThrownBy(() -> Settings.model(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ranking.co-occurrence.transition-window must be >= 1, got 0");
    }
}
