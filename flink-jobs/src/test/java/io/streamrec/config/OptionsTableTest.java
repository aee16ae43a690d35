package io.streamrec.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The options table in docs/options.md is generated from the code; this fails when they drift apart. */
class OptionsTableTest {

    @Test
    void optionsTableMatchesTheDeclaredOptions() throws Exception {
        Path options = Path.of("..", "docs", "options.md");
        String text = Files.readString(options);
        assertThat(OptionsTable.replaceIn(text))
                .as("docs/options.md options table is stale: run scripts/update-docs.sh")
                .isEqualTo(text);
        for (String key : JobConfig.declaredKeys()) {
            assertThat(text).contains("`" + key + "`");
        }
    }
}
