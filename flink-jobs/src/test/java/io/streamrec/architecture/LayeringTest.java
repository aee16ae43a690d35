package io.streamrec.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the job's code (docs/architecture.md), checked on its compiled main classes: no
 * cycles between packages; the recommender core (recommenders, ranking, retrieval, learning, state,
 * vectors) free of Flink, so it runs offline as it runs in the job; nothing depends on benchmark or
 * evaluation code; the job does not depend on the local runtime or the command-line tools.
 */
class LayeringTest {
    static final String[] CORE = {
        "io.streamrec.recommenders..", "io.streamrec.ranking..", "io.streamrec.retrieval..",
        "io.streamrec.learning..", "io.streamrec.state..", "io.streamrec.vectors.."
    };

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.streamrec");
    }

    @Test
    void theJobsMainClassesAreImported() {
        // A rule over nothing passes: make sure the packages the rules name are there.
        assertThat(main.stream().map(c -> c.getPackageName()).distinct())
                .contains("io.streamrec.recommenders", "io.streamrec.ranking", "io.streamrec.retrieval",
                        "io.streamrec.learning", "io.streamrec.state", "io.streamrec.job");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.streamrec.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void theRecommenderCoreIsFreeOfFlink() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("org.apache.flink..")
                .because("the offline evaluation and tests run the core without Flink");
        rule.check(main);
    }

    @Test
    void theCoreDoesNotReachIntoTheJobOrItsInputs() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.streamrec.job..", "io.streamrec.config..",
                        "io.streamrec.sinks..", "io.streamrec.encode..")
                .check(main);
    }

    @Test
    void nothingDependsOnBenchmarkOrEvaluationCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.streamrec.bench..", "io.streamrec.eval..")
                .check(main);
    }

    @Test
    void theJobDoesNotDependOnTheLocalRuntimeOrTools() {
        noClasses().that().resideOutsideOfPackages("io.streamrec.local..", "io.streamrec.tools..")
                .should().dependOnClassesThat().resideInAnyPackage("io.streamrec.local..", "io.streamrec.tools..")
                .because("the job jar carries neither (JobJarITCase); the broker and the cluster run beside the job")
                .check(main);
    }
}
