package org.recordedcall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house's rules, checked on the compiled library: its packages import each other in no
 * circle, and the public API ({@code org.recordedcall} and {@code org.recordedcall.spi}) neither
 * uses nor exposes anything of {@code internal}, so that an application compiles against the
 * public packages alone.
 */
class PackageStructureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.recordedcall");

    @Test
    void noPackageCycles() {
        slices().matching("org.recordedcall.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void thePublicApiKnowsNothingInternal() {
        noClasses().that().resideInAnyPackage("org.recordedcall", "org.recordedcall.spi")
                .should().dependOnClassesThat().resideInAPackage("org.recordedcall.internal..")
                .check(LIBRARY);
    }

    @Test
    void onlyPostgresCopyNamesThePostgresDriversTypesWhichAnApplicationMayNotSee() {
        noClasses().that().doNotHaveFullyQualifiedName("org.recordedcall.internal.persistence.PostgresCopy")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
                .check(LIBRARY);
    }

    @Test
    void nothingInternalDependsOnTheBootstrap() {
        noClasses().that().resideInAPackage("org.recordedcall..")
                .and().resideOutsideOfPackage("org.recordedcall.internal.boot")
                .should().dependOnClassesThat().resideInAPackage("org.recordedcall.internal.boot")
                .check(LIBRARY);
    }
}
