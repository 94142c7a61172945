package io.artifactpipeline.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of {@link HexagonRules} fails on the fixture code base, which breaks each on purpose. */
class ArchitectureRulesBiteTest {
    private static final String FIXTURE = "io.artifactpipeline.app.architecture.fixture";
    private static final HexagonRules RULES = new HexagonRules(FIXTURE);
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void aCoreClassUsingObjectMapperBreaksTheWhitelist() {
        assertBites(RULES.coreDependsOnlyOnTheJdkAndJacksonsTreeModel(), "ObjectMapper");
    }

    @Test
    void aModelKnowingAPortBreaksTheModelRule() {
        assertBites(RULES.modelDependsOnNothingElseOfOurs(), "Money");
    }

    @Test
    void aSchemaKnowingAPortBreaksTheSchemaRule() {
        assertBites(RULES.schemaDependsOnlyOnTheModel(), "Form");
    }

    @Test
    void aPortKnowingAUseCaseBreaksThePortRule() {
        assertBites(RULES.portsAndErrorsKnowNoUseCaseOrCascade(), "Wallet");
    }

    @Test
    void theCascadeCallingAUseCaseBreaksTheCascadeRule() {
        assertBites(RULES.theCascadeKnowsNoUseCase(), "Run");
    }

    @Test
    void aUseCaseBuildingAnInMemoryAdapterBreaksTheMemoryRule() {
        assertBites(RULES.inMemoryAdaptersServeOnlyThePipelineBuilder(), "Pay");
    }

    @Test
    void packagesThatDependOnEachOtherBreakTheCycleRules() {
        assertBites(RULES.coreLayersAreFreeOfCycles(), "Cycle detected");
        assertBites(RULES.modulesAreFreeOfCycles(), "Cycle detected");
    }

    @Test
    void anAdapterImportingAnotherBreaksTheAdapterRules() {
        assertBites(RULES.adapterDependsOnNoOtherAdapter("llm", "http"), "Client");
        assertBites(RULES.onlyTheAppUses("llm"), "Server");
    }

    @Test
    void aPublicHelperUsedByTheAppBreaksTheEntryPointRules() {
        assertBites(RULES.onlyEntryPointsArePublic("persistence", Set.of("Store")), "RowMapper");
        assertBites(RULES.adapterIsReachedOnlyThroughItsEntryPoints("persistence", Set.of("Store")), "Wiring");
    }

    private static void assertBites(ArchRule rule, String offender) {
        assertThatThrownBy(() -> rule.check(fixture)).isInstanceOf(AssertionError.class).hasMessageContaining(offender);
    }
}
