package dev.copbot.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every adapter keeps, as ArchUnit rules its own LayoutTest applies: a small public entry over
 * {@code internal}, never the other way round, and only the core's public API (the bot, platform values, replies,
 * command specs, the store's receipts, meters), never a feature package.
 */
public final class AdapterLayout {
    private AdapterLayout() {}

    public static ArchRule internalNeverReachesBack(String adapter) {
        return noClasses().that().resideInAPackage(adapter + ".internal..")
                .should().dependOnClassesThat().resideInAPackage(adapter)
                .because("the public package wraps internal; the reverse would make the two one tangle");
    }

    public static ArchRule onlyTheCoresPublicApi(String adapter) {
        return noClasses().that().resideInAPackage(adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.core.community..",
                        "dev.copbot.core.discussion..", "dev.copbot.core.event..", "dev.copbot.core.expertise..",
                        "dev.copbot.core.history..", "dev.copbot.core.home..", "dev.copbot.core.kudos..",
                        "dev.copbot.core.life..", "dev.copbot.core.people..")
                .because("an adapter translates platform traffic; features are reached only through CopBot");
    }
}
