package io.github.unifiedwriter.perf;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The packages of the demo and the benchmarks form no cycle: a change to one part never ripples back into itself. */
@AnalyzeClasses(packages = "io.github.unifiedwriter.perf",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PerfPackageRulesTest
{
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
        slices().matching("io.github.unifiedwriter.(**)").should().beFreeOfCycles();
}
