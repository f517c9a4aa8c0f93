package dev.copbot.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The adapter's layout: a small public entry ({@code dev.copbot.slack}) over {@code internal}, never the other way
 * round, and only the core's public API (the bot, platform values, replies, command specs, the store's receipts).
 */
@AnalyzeClasses(packages = "dev.copbot.slack", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTest {

    @ArchTest
    static final ArchRule internalNeverReachesBackToThePublicEntry = noClasses()
            .that().resideInAPackage("dev.copbot.slack.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.copbot.slack")
            .because("the public package wraps internal; the reverse would make the two one tangle");

    @ArchTest
    static final ArchRule onlyTheCoresPublicApi = noClasses()
            .that().resideInAPackage("dev.copbot.slack..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.core.community..",
                    "dev.copbot.core.discussion..", "dev.copbot.core.event..", "dev.copbot.core.expertise..",
                    "dev.copbot.core.history..", "dev.copbot.core.home..", "dev.copbot.core.kudos..",
                    "dev.copbot.core.life..", "dev.copbot.core.people..")
            .because("an adapter translates platform traffic; features are reached only through CopBot");
}
