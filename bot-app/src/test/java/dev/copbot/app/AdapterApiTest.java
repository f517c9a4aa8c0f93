package dev.copbot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The app wires the adapters through their public entries only: their internals may change without notice. */
@AnalyzeClasses(packages = "dev.copbot.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterApiTest {

    @ArchTest
    static final ArchRule noAdapterInternals = noClasses()
            .that().resideInAPackage("dev.copbot.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.copbot.slack.internal..", "dev.copbot.discord.internal..");
}
