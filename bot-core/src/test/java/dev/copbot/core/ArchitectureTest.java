package dev.copbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout of bot-core, enforced: platform-neutral; no package cycles; features built on the bottom packages and on
 * the peers they declare here; the root package (the dispatcher and the composition root) imported by no feature.
 * docs/ARCHITECTURE.md draws the same picture.
 */
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

    @ArchTest
    static final ArchRule coreKnowsOnlyItsSearchPortNotOpenSearch = noClasses()
            .that().resideInAPackage("dev.copbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opensearch..", "dev.copbot.opensearch..",
                    "org.apache.hc..")
            .because("OpenSearch is an adapter of the search port (SearchBackend), in the search-opensearch module");

    /** What every feature may build on. */
    static final String[] BOTTOM = {"java..", "javax..", "org.slf4j..", "dev.copbot.core.platform..",
        "dev.copbot.core.reply..", "dev.copbot.core.command..", "dev.copbot.core.store..", "dev.copbot.core.people..",
        "dev.copbot.core.community.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.copbot.core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFeatureImportsTheRoot = noClasses()
            .that().resideOutsideOfPackage("dev.copbot.core")
            .should().dependOnClassesThat().resideInAPackage("dev.copbot.core")
            .because("the root only dispatches and composes; features register through command.Registry");

    @ArchTest
    static final ArchRule bottomKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("dev.copbot.core.platform..", "dev.copbot.core.reply..",
                    "dev.copbot.core.command..", "dev.copbot.core.store..", "dev.copbot.core.people..",
                    "dev.copbot.core.community..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.core.discussion..",
                    "dev.copbot.core.event..", "dev.copbot.core.expertise..", "dev.copbot.core.history..",
                    "dev.copbot.core.home..", "dev.copbot.core.kudos..", "dev.copbot.core.life..",
                    "dev.copbot.core.dashboard..");

    @ArchTest
    static final ArchRule discussionStandsOnTheBottom = feature("discussion");
    @ArchTest
    static final ArchRule eventStandsOnTheBottom = feature("event");
    @ArchTest
    static final ArchRule kudosUsesDiscussions = feature("kudos", "discussion");
    @ArchTest
    static final ArchRule expertiseUsesDiscussionsAndKudos = feature("expertise", "discussion", "kudos");
    @ArchTest
    static final ArchRule historyUsesDiscussions = feature("history", "discussion");
    @ArchTest
    static final ArchRule homeShowsEventsAndExpertise = feature("home", "event", "expertise");
    @ArchTest
    static final ArchRule lifeUsesDiscussionsEventsAndKudos = feature("life", "discussion", "event", "kudos");

    @ArchTest
    static final ArchRule dashboardStandsOnTheBottom = feature("dashboard");

    /** The feature package {@code name} depends only on the bottom, third-party libraries and its declared peers. */
    static ArchRule feature(String name, String... peers) {
        List<String> allowed = new ArrayList<>(List.of(BOTTOM));
        allowed.add("dev.copbot.core." + name + "..");
        for (String peer : peers) {
            allowed.add("dev.copbot.core." + peer + "..");
        }
        return noClasses().that().resideInAPackage("dev.copbot.core." + name + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "in a feature that " + name + " does not declare (it declares: " + String.join(", ", peers) + ")",
                        c -> c.getPackageName().startsWith("dev.copbot.core")
                                && allowed.stream().noneMatch(p -> c.getPackageName().equals(p.substring(0, p.length() - 2))
                                        || c.getPackageName().startsWith(p.substring(0, p.length() - 1)))))
                .allowEmptyShould(true);
    }

    @Test
    void aCycleIsCaught() {
        var fixture = new ClassFileImporter().importPackages("dev.copbot.core.archfixture");
        var result = slices().matching("dev.copbot.core.archfixture.(**)").should().beFreeOfCycles().evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void theRuleCatchesALeak() {
        var fixture = new ClassFileImporter().importPackages("dev.copbot.core.archfixture");
        var result = coreNeverTouchesSlackOrDiscord.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("com.slack.fake.FakeSlackType"));
    }
}
