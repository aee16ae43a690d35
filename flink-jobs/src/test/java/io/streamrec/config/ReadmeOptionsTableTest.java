package io.streamrec.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's option table is generated from the code; this fails when they drift apart. */
class ReadmeOptionsTableTest {

    @Test
    void readmeTableMatchesTheDeclaredOptions() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        assertThat(OptionsTable.replaceIn(text))
                .as("README options table is stale: run scripts/update-docs.sh")
                .isEqualTo(text);
        for (String key : JobConfig.declaredKeys()) {
            assertThat(text).contains("`" + key + "`");
        }
    }
}
