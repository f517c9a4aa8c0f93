package dev.copbot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The adapters' layout, checked where both are on the class path: each has a small public entry over {@code internal},
 * never the other way round; each uses only the core's public API (the bot, platform values, replies, command specs,
 * the store's receipts, meters), never a feature package; and the app wires them through their public entries only.
 */
@AnalyzeClasses(packages = {"dev.copbot.app", "dev.copbot.slack", "dev.copbot.discord"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterApiTest {

    @ArchTest
    static final ArchRule slackInternalNeverReachesBack = internalNeverReachesBack("dev.copbot.slack");

    @ArchTest
    static final ArchRule discordInternalNeverReachesBack = internalNeverReachesBack("dev.copbot.discord");

    @ArchTest
    static final ArchRule adaptersUseOnlyTheCoresPublicApi = noClasses()
            .that().resideInAnyPackage("dev.copbot.slack..", "dev.copbot.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.core.community..",
                    "dev.copbot.core.discussion..", "dev.copbot.core.event..", "dev.copbot.core.expertise..",
                    "dev.copbot.core.history..", "dev.copbot.core.home..", "dev.copbot.core.kudos..",
                    "dev.copbot.core.life..", "dev.copbot.core.people..")
            .because("an adapter translates platform traffic; features are reached only through CopBot");

    @ArchTest
    static final ArchRule noAdapterInternals = noClasses()
            .that().resideInAPackage("dev.copbot.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.slack.internal..", "dev.copbot.discord.internal..");

    static ArchRule internalNeverReachesBack(String adapter) {
        return noClasses().that().resideInAPackage(adapter + ".internal..")
                .should().dependOnClassesThat().resideInAPackage(adapter)
                .because("the public package wraps internal; the reverse would make the two one tangle");
    }
}
