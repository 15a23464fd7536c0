package org.instanceha;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The dependencies between our packages that DESIGN.md section 3 allows, and nothing else: a new
 * import that breaks one fails the build. The root package (the application class) may use anything.
 */
@AnalyzeClasses(packages = "org.instanceha", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    private static final String BASE = "org.instanceha.";

    /** Each package of ours, and the packages of ours it may use besides itself. */
    static final Map<String, List<String>> ALLOWED = new TreeMap<>(Map.of(
            "common", List.of(),
            "nova", List.of("common"),
            "segment", List.of("nova", "common"),
            "vmove", List.of("common"),
            "notification", List.of("segment", "common"),
            "recovery", List.of("nova", "segment", "vmove", "notification", "common"),
            "masakari", List.of("segment", "notification", "vmove", "common"),
            "dashboard", List.of("segment", "notification", "vmove", "common"),
            "security", List.of("masakari", "nova", "common"),
            "simulator", List.of("common")));

    @ArchTest
    static final ArchRule eachPackageUsesOnlyWhatItMay = CompositeArchRule.of(rules());

    private static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((pkg, allowed) -> {
            List<String> packages = new ArrayList<>();
            packages.add(BASE + pkg + "..");
            allowed.forEach(a -> packages.add(BASE + a + ".."));
            var rule = classes().that().resideInAPackage(BASE + pkg + "..");
            if (pkg.equals("simulator")) {
                rule = rule.and().doNotHaveSimpleName("SimulatorConfiguration");
            }
            rules.add(rule.should().onlyDependOnClassesThat(resideOutsideOfPackage("org.instanceha..")
                            .or(resideInAnyPackage(packages.toArray(String[]::new))))
                    .as(pkg + " uses only " + (allowed.isEmpty() ? "itself" : String.join(", ", allowed))));
        });
        return rules;
    }

    /** The simulator is a fake cloud: it implements our ports (by configuration) and uses nothing else of ours. */
    @ArchTest
    static final ArchRule theSimulatorOnlyImplementsPortsByConfiguration = classes()
            .that().haveSimpleName("SimulatorConfiguration")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.instanceha..")
                    .or(resideInAnyPackage(BASE + "simulator..", BASE + "common.."))
                    .or(resideInAnyPackage(BASE + "nova..", BASE + "dashboard..").and(INTERFACES)));

    @ArchTest
    static final ArchRule nothingUsesTheSimulator = noClasses()
            .that().resideOutsideOfPackage(BASE + "simulator..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "simulator..");

    /** Only the Nova adapter knows openstack4j; the rest of us use the Compute port. */
    @ArchTest
    static final ArchRule onlyTheNovaAdapterKnowsOpenstack4j = noClasses()
            .that().resideOutsideOfPackage(BASE + "nova..")
            .should().dependOnClassesThat().resideInAPackage("org.openstack4j..");

    @ArchTest
    static final ArchRule recoveryCallsNovaOnlyThroughThePort = noClasses()
            .that().resideInAPackage(BASE + "recovery..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("OpenStack4j")
            .orShould().dependOnClassesThat().haveSimpleName("NovaRequests")
            .orShould().dependOnClassesThat().haveSimpleName("KeystoneSession");

    /** Domain code stays free of Camunda, so that moving to Operaton is a rename in recovery alone. */
    @ArchTest
    static final ArchRule domainCodeKnowsNoCamunda = noClasses()
            .that().resideInAnyPackage(BASE + "common..", BASE + "nova..", BASE + "segment..", BASE + "vmove..",
                    BASE + "notification..", BASE + "masakari..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");
}
