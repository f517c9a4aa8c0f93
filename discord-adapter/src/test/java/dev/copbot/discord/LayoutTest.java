package dev.copbot.discord;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.copbot.core.testing.AdapterLayout;

/** The adapter's layout (see {@link AdapterLayout}): public entry over internal, the core's public API only. */
@AnalyzeClasses(packages = "dev.copbot.discord", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTest {
    @ArchTest
    static final ArchRule internalNeverReachesBack = AdapterLayout.internalNeverReachesBack("dev.copbot.discord");
    @ArchTest
    static final ArchRule onlyTheCoresPublicApi = AdapterLayout.onlyTheCoresPublicApi("dev.copbot.discord");
}
