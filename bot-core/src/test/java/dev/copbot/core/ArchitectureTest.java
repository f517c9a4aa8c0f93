package dev.copbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays platform-neutral: adapters depend on it, never the other way round. */
@AnalyzeClasses(packages = "dev.copbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverTouchesSlackOrDiscord = noClasses()
            .that().resideInAPackage("dev.copbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "net.dv8tion..")
            .because("bot-core is platform-neutral; Slack and JDA types belong in the adapters");

    @ArchTest
    static final ArchRule coreNeverReachesIntoAdaptersOrApp = noClasses()
            .that().resideInAPackage("dev.copbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.slack..", "dev.copbot.discord..", "dev.copbot.app..");

    @org.junit.jupiter.api.Test
    void theRuleCatchesALeak() {
        var fixture = new ClassFileImporter().importPackages("dev.copbot.core.archfixture");
        var result = coreNeverTouchesSlackOrDiscord.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("com.slack.fake.FakeSlackType"));
    }
}
