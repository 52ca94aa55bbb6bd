package io.github.unifiedwriter.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which package of the plugin may use which, checked on the compiled main classes. The engine and the sinks
 * are usable without Log4j2, and only {@code log4j2} ties the parts together.
 */
@AnalyzeClasses(packages = "io.github.unifiedwriter",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageRulesTest
{
    private static final String ROOT = "io.github.unifiedwriter.";

    @ArchTest
    static final ArchRule ENGINE_SINKS_AND_JMX_KNOW_NO_LOG4J2 = noClasses()
        .that().resideInAnyPackage(ROOT + "core..", ROOT + "sink..", ROOT + "jmx..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.logging..");

    @ArchTest
    static final ArchRule ENGINE_USES_ONLY_THE_JDK_AND_THE_DISRUPTOR = classes()
        .that().resideInAPackage(ROOT + "core..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + "core..", "java..", "com.lmax.disruptor..");

    @ArchTest
    static final ArchRule SINKS_USE_ONLY_THE_ENGINE_AND_THE_JDK = classes()
        .that().resideInAPackage(ROOT + "sink..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + "sink..", ROOT + "core..", "java..");

    @ArchTest
    static final ArchRule JMX_USES_ONLY_THE_ENGINE_AND_THE_JDK = classes()
        .that().resideInAPackage(ROOT + "jmx..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + "jmx..", ROOT + "core..", "java..", "javax.management..");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + "(**)").should().beFreeOfCycles();
}
