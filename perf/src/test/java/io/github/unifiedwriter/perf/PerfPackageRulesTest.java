package io.github.unifiedwriter.perf;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The benchmark and demo packages form no cycle: each command sits on shared parts, never on another command. */
@AnalyzeClasses(packages = "io.github.unifiedwriter.perf", importOptions = ImportOption.DoNotIncludeTests.class)
class PerfPackageRulesTest
{
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
        slices().matching("io.github.unifiedwriter.(**)").should().beFreeOfCycles();
}
