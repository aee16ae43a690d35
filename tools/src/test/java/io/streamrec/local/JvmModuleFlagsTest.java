package io.streamrec.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmModuleFlagsTest {

    @Test
    void theBuildsOneListReachesTheLaunchers() {
        assertThat(JvmModuleFlags.list())
                .contains("--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.util=ALL-UNNAMED",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED")
                .allSatisfy(flag -> assertThat(flag).startsWith("-").doesNotContain("${"))
                .doesNotHaveDuplicates();
    }

    @Test
    void theTestsRunWithTheSameList() {
        // Surefire's argLine is the parent's test.jvm.args, which includes jvm.module.flags.
        assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                .containsAll(JvmModuleFlags.list());
    }
}
