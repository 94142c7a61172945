package io.artifactpipeline.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hexagon's rules ({@link HexagonRules}), checked against the compiled classes of every module (this
 * module sees them all). Each rule is also checked to have classes to look at, so an empty import
 * cannot pass silently; {@link ArchitectureRulesBiteTest} shows each one failing on code that breaks it.
 */
class ArchitectureTest {
    static final Set<String> PERSISTENCE_ENTRY_POINTS = Set.of("JpaStorage", "DatabaseSettings",
            "IncompatibleSchemaException");
    static final Set<String> LLM_ENTRY_POINTS = Set.of("LanguageModels", "ModelSettings");
    static final Set<String> HTTP_ENTRY_POINTS = Set.of("ArtifactHttpServer", "ServerMetrics", "DatabaseCheck",
            "AuthSettings", "TokenIssuer", "LogContext");

    private static final HexagonRules RULES = new HexagonRules("io.artifactpipeline");
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
    void theCoreDependsOnlyOnTheJdkAndJacksonsTreeModel() {
        check(RULES.coreDependsOnlyOnTheJdkAndJacksonsTreeModel());
    }

    @Test
    void theCoresLayersPointInward() {
        check(RULES.modelDependsOnNothingElseOfOurs());
        check(RULES.schemaDependsOnlyOnTheModel());
        check(RULES.portsAndErrorsKnowNoUseCaseOrCascade());
        check(RULES.theCascadeKnowsNoUseCase());
        check(RULES.inMemoryAdaptersServeOnlyThePipelineBuilder());
    }

    @Test
    void noPackagesOrModulesDependOnEachOtherInACycle() {
        check(RULES.coreLayersAreFreeOfCycles());
        check(RULES.modulesAreFreeOfCycles());
    }

    @Test
    void adaptersDependOnTheCoreAndNoOtherAdapter() {
        check(RULES.adapterDependsOnNoOtherAdapter("persistence", "llm", "http", "app"));
        check(RULES.adapterDependsOnNoOtherAdapter("llm", "persistence", "http", "app"));
        check(RULES.adapterDependsOnNoOtherAdapter("http", "persistence", "llm", "app"));
        check(RULES.adapterDependsOnNoOtherAdapter("core", "persistence", "llm", "http", "app"));
    }

    @Test
    void onlyTheAppWiresAdapters() {
        check(RULES.onlyTheAppUses("persistence"));
        check(RULES.onlyTheAppUses("llm"));
        check(RULES.onlyTheAppUses("http"));
    }

    @Test
    void adaptersAreReachedOnlyThroughTheirEntryPoints() {
        check(RULES.onlyEntryPointsArePublic("persistence", PERSISTENCE_ENTRY_POINTS));
        check(RULES.adapterIsReachedOnlyThroughItsEntryPoints("llm", LLM_ENTRY_POINTS));
        check(RULES.adapterIsReachedOnlyThroughItsEntryPoints("http", HTTP_ENTRY_POINTS));
    }

    private static void check(ArchRule rule) {
        // failOnEmptyShould: a rule whose "that" matches nothing is an error, not a pass.
        rule.allowEmptyShould(false).check(classes);
    }
}
