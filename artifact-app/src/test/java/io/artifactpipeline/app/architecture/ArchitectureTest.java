package io.artifactpipeline.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hexagon's rules, checked against the compiled classes of every module (this module sees them
 * all). Each rule is also checked to have classes to look at, so an empty import cannot pass silently.
 */
class ArchitectureTest {
    private static final String CORE = "io.artifactpipeline.core..";
    private static final String PERSISTENCE = "io.artifactpipeline.persistence..";
    private static final String LLM = "io.artifactpipeline.llm..";
    private static final String HTTP = "io.artifactpipeline.http..";
    private static final String APP = "io.artifactpipeline.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.artifactpipeline");
    }

    @Test
    void everyModuleHasClassesToCheck() {
        for (String module : new String[]{"core", "persistence", "llm", "http", "app"}) {
            long count = classes.stream()
                    .filter(c -> c.getPackageName().startsWith("io.artifactpipeline." + module))
                    .count();
            assertThat(count).as("classes imported from %s", module).isGreaterThan(module.equals("core") ? 30 : 1);
        }
    }

    @Test
    void coreUsesNoFramework() {
        check(noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                "jakarta.persistence..", "javax.persistence..", "org.hibernate..", "io.helidon..", "java.sql..",
                "javax.sql..", "java.net.http..", "com.zaxxer..", "org.flywaydb..", "org.h2..", "org.postgresql..")
                .because("the core is framework-free: java.* and Jackson's tree model only"));
    }

    @Test
    void coreDependsOnNoAdapter() {
        check(noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, LLM, HTTP, APP));
    }

    @Test
    void persistenceDependsOnNoOtherAdapter() {
        check(noClasses().that().resideInAPackage(PERSISTENCE).should().dependOnClassesThat()
                .resideInAnyPackage(LLM, HTTP, APP));
    }

    @Test
    void modelProvidersDependOnNoOtherAdapter() {
        check(noClasses().that().resideInAPackage(LLM).should().dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, HTTP, APP));
    }

    @Test
    void httpDependsOnNoOtherAdapter() {
        check(noClasses().that().resideInAPackage(HTTP).should().dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, LLM, APP));
    }

    @Test
    void onlyTheAppWiresAdapters() {
        check(classes().that().resideInAPackage(PERSISTENCE).should().onlyHaveDependentClassesThat()
                .resideInAnyPackage(PERSISTENCE, APP));
        check(classes().that().resideInAPackage(LLM).should().onlyHaveDependentClassesThat()
                .resideInAnyPackage(LLM, APP));
        check(classes().that().resideInAPackage(HTTP).should().onlyHaveDependentClassesThat()
                .resideInAnyPackage(HTTP, APP));
    }

    private static void check(ArchRule rule) {
        // failOnEmptyShould: a rule whose "that" matches nothing is an error, not a pass.
        rule.allowEmptyShould(false).check(classes);
    }
}
