package io.artifactpipeline.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The project's architecture rules, one per boundary, for a code base under {@code root}: the real one
 * ({@code io.artifactpipeline}) or a fixture that breaks them on purpose, so that each rule is seen to bite.
 */
final class HexagonRules {
    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    private String core() {
        return root + ".core..";
    }

    private String core(String layer) {
        return root + ".core." + layer + "..";
    }

    private String adapter(String name) {
        return root + "." + name + "..";
    }

    /** A whitelist: the JDK, Jackson's tree model (the domain's material) and the core itself. */
    ArchRule coreDependsOnlyOnTheJdkAndJacksonsTreeModel() {
        return classes().that().resideInAPackage(core()).should().onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "com.fasterxml.jackson.databind.node..", core())
                                .or(nameIs("com.fasterxml.jackson.databind.JsonNode"))
                                .or(primitivesAndArrays()))
                .because("the core is framework-free: java.* and Jackson's tree model only");
    }

    ArchRule modelDependsOnNothingElseOfOurs() {
        return noClasses().that().resideInAPackage(core("model")).should().dependOnClassesThat(
                resideInAPackage(core()).and(DescribedPredicate.not(resideInAPackage(core("model")))));
    }

    ArchRule schemaDependsOnlyOnTheModel() {
        return noClasses().that().resideInAPackage(core("schema")).should().dependOnClassesThat(
                resideInAPackage(core()).and(DescribedPredicate.not(resideInAnyPackage(core("schema"), core("model")))));
    }

    ArchRule portsAndErrorsKnowNoUseCaseOrCascade() {
        return noClasses().that().resideInAnyPackage(core("port"), core("error"), core("model"), core("schema"))
                .should().dependOnClassesThat().resideInAnyPackage(core("usecase"), core("cascade"));
    }

    ArchRule theCascadeKnowsNoUseCase() {
        return noClasses().that().resideInAnyPackage(core("cascade"), core("budget"))
                .should().dependOnClassesThat().resideInAPackage(core("usecase"));
    }

    /** The in-memory adapters are defaults the pipeline's builder fills in; nothing else in the core uses them. */
    ArchRule inMemoryAdaptersServeOnlyThePipelineBuilder() {
        return classes().that().resideInAPackage(core("memory")).should().onlyHaveDependentClassesThat(
                resideInAPackage(core("memory")).or(nameStartsWith(root + ".core.ArtifactPipeline")));
    }

    ArchRule coreLayersAreFreeOfCycles() {
        return slices().matching(root + ".core.(*)..").should().beFreeOfCycles();
    }

    ArchRule modulesAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** An adapter depends on the core and on nothing else of ours. */
    ArchRule adapterDependsOnNoOtherAdapter(String adapter, String... others) {
        String[] packages = new String[others.length];
        for (int i = 0; i < others.length; i++) {
            packages[i] = adapter(others[i]);
        }
        return noClasses().that().resideInAPackage(adapter(adapter)).should().dependOnClassesThat()
                .resideInAnyPackage(packages);
    }

    /** Only the app wires adapters: nothing outside an adapter and the app uses it. */
    ArchRule onlyTheAppUses(String adapter) {
        return classes().that().resideInAPackage(adapter(adapter)).should().onlyHaveDependentClassesThat()
                .resideInAnyPackage(adapter(adapter), adapter("app"));
    }

    /**
     * What the app may touch of an adapter is its named entry points; every other class is
     * package-private, or public only so that the adapter's own packages can share it.
     */
    ArchRule adapterIsReachedOnlyThroughItsEntryPoints(String adapter, Set<String> entryPoints) {
        return classes().that().resideInAPackage(adapter(adapter)).and().arePublic()
                .and(DescribedPredicate.not(entryPoint(entryPoints)))
                .should().onlyHaveDependentClassesThat().resideInAPackage(adapter(adapter));
    }

    /** For an adapter of one package: every class but its entry points is package-private. */
    ArchRule onlyEntryPointsArePublic(String adapter, Set<String> entryPoints) {
        return classes().that().resideInAPackage(adapter(adapter)).and(DescribedPredicate.not(entryPoint(entryPoints)))
                .and().areTopLevelClasses()
                .should().notBePublic();
    }

    /** The named top-level classes and their nested types (builders, settings records, enums). */
    private static DescribedPredicate<JavaClass> entryPoint(Set<String> simpleNames) {
        return new DescribedPredicate<>("entry points " + simpleNames) {
            @Override
            public boolean test(JavaClass javaClass) {
                String inPackage = javaClass.getName().substring(javaClass.getPackageName().length() + 1);
                return simpleNames.contains(inPackage.split("\\$")[0]);
            }
        };
    }

    private static DescribedPredicate<JavaClass> nameIs(String name) {
        return new DescribedPredicate<>(name) {
            @Override
            public boolean test(JavaClass javaClass) {
                return javaClass.getName().equals(name);
            }
        };
    }

    private static DescribedPredicate<JavaClass> nameStartsWith(String prefix) {
        return new DescribedPredicate<>("named " + prefix + "*") {
            @Override
            public boolean test(JavaClass javaClass) {
                return javaClass.getName().startsWith(prefix);
            }
        };
    }

    private static DescribedPredicate<JavaClass> primitivesAndArrays() {
        return new DescribedPredicate<>("primitive or array") {
            @Override
            public boolean test(JavaClass javaClass) {
                return javaClass.isPrimitive() || javaClass.isArray();
            }
        };
    }
}
