package org.instanceha;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The dependencies between our packages that docs/architecture.md allows, and nothing else: a new
 * import that breaks one fails the build. The root package (the application class) may use anything.
 */
@AnalyzeClasses(packages = "org.instanceha", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    private static final String BASE = "org.instanceha.";

    /** Each package of ours, and the packages of ours it may use besides itself. */
    static final Map<String, List<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
            Map.entry("common", List.of()),
            Map.entry("nova", List.of("common")),
            Map.entry("fencing", List.of("common")),
            Map.entry("detection", List.of("nova", "fencing", "segment", "notification", "common")),
            Map.entry("segment", List.of("nova", "fencing", "common")),
            Map.entry("vmove", List.of("common")),
            Map.entry("notification", List.of("segment", "common")),
            Map.entry("recovery", List.of("nova", "fencing", "segment", "vmove", "notification", "common")),
            Map.entry("masakari", List.of("segment", "notification", "vmove", "common")),
            Map.entry("dashboard", List.of("detection", "nova", "fencing", "segment", "notification", "vmove",
                    "common")),
            Map.entry("security", List.of("masakari", "nova", "common")),
            Map.entry("tasklist", List.of("recovery", "common")),
            Map.entry("simulator", List.of("common"))));

    private static final String ENGINE = BASE + "recovery";

    /**
     * The recovery engine's sub-packages, and the other sub-packages each may use; all of them may use the
     * engine's root package (the shared task runtime and the names every workflow shares), which uses none
     * of them. The workflows do not use each other, but for the names the host's call activity passes to
     * each instance's evacuation; planning and the operators' rules serve them.
     */
    static final Map<String, List<String>> ENGINE_ALLOWED = new TreeMap<>(Map.of(
            "planning", List.of(),
            "operator", List.of("planning"),
            "hostfailure", List.of("planning", "operator", "evacuation"),
            "evacuation", List.of("planning", "operator"),
            "instancefailure", List.of("operator"),
            "processfailure", List.of(),
            "massfailure", List.of("operator"),
            "returning", List.of("planning", "operator"),
            "stranded", List.of(),
            "deployment", List.of()));

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
                // SimulatorConfiguration (and the classes it declares) implements our ports by configuration.
                rule = rule.and().haveNameNotMatching(".*\\.SimulatorConfiguration(\\$.*)?");
            }
            rules.add(rule.should().onlyDependOnClassesThat(resideOutsideOfPackage("org.instanceha..")
                            .or(resideInAnyPackage(packages.toArray(String[]::new))))
                    .as(pkg + " uses only " + (allowed.isEmpty() ? "itself" : String.join(", ", allowed))));
        });
        return rules;
    }

    @ArchTest
    static final ArchRule eachEngineSubPackageUsesOnlyWhatItMay = CompositeArchRule.of(engineRules());

    private static List<ArchRule> engineRules() {
        List<ArchRule> rules = new ArrayList<>();
        ENGINE_ALLOWED.forEach((pkg, allowed) -> {
            List<String> packages = new ArrayList<>(List.of(ENGINE, ENGINE + "." + pkg + ".."));
            allowed.forEach(a -> packages.add(ENGINE + "." + a + ".."));
            rules.add(classes().that().resideInAPackage(ENGINE + "." + pkg + "..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage(ENGINE + "..")
                            .or(resideInAnyPackage(packages.toArray(String[]::new))))
                    .as("recovery." + pkg + " uses only the engine's root" + (allowed.isEmpty() ? ""
                            : " and " + String.join(", ", allowed))));
        });
        return rules;
    }

    @ArchTest
    static final ArchRule theEngineRootUsesNoneOfItsSubPackages = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".*..");

    /** Of the instance evacuation, the host's workflow knows only the names its call activity passes. */
    @ArchTest
    static final ArchRule theHostWorkflowKnowsOnlyTheNamesItPassesEachEvacuation = noClasses()
            .that().resideInAPackage(ENGINE + ".hostfailure..")
            .should().dependOnClassesThat(resideInAPackage(ENGINE + ".evacuation..")
                    .and(not(simpleName("InstanceEvacuation"))));

    @ArchTest
    static final ArchRule theEngineSubPackagesAreFreeOfCycles = slices().matching(ENGINE + ".(*)..")
            .should().beFreeOfCycles();

    /** The engine knows no HTTP: requests are answered by the API, the dashboard and the Tasklist checks. */
    @ArchTest
    static final ArchRule theEngineKnowsNoServlets = noClasses()
            .that().resideInAPackage(ENGINE + "..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..");

    /** Camunda's internals change between releases: only where the public API has no way. */
    @ArchTest
    static final ArchRule camundaInternalsOnlyWhereUnavoidable = noClasses()
            .that(not(simpleName("RecoveryTask").or(simpleName("SlotWakeUp")).or(simpleName("EvacuationWakeUp"))
                    .or(simpleName("CompletedTask")).or(simpleName("NoLoginLockout")))
                    .and(resideOutsideOfPackage(ENGINE + ".deployment..")))
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
            .as("only RecoveryTask (the job's lock), SlotWakeUp (after-commit wake-ups), EvacuationWakeUp (the"
                    + " job executor's hint), CompletedTask (who completes a task), NoLoginLockout and"
                    + " recovery.deployment (engine plugins) use Camunda's impl packages");

    /**
     * The same rules for every package's imports, static ones included: a constant of another package is
     * copied into the class that uses it, so the bytecode ArchUnit reads no longer shows where it came from.
     * The simulator's configuration class wires our ports and is left to its own rule.
     */
    @org.junit.jupiter.api.Test
    void eachPackagesImportsHoldItsRulesToo() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("src/main/java/org/instanceha");
        var imports = java.util.regex.Pattern.compile("^import (?:static )?org\\.instanceha\\.([a-z]+)\\.([\\w.]+)",
                java.util.regex.Pattern.MULTILINE);
        List<String> broken = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.nio.file.Path dir = root.relativize(file.getParent());
                if (dir.toString().isEmpty() || file.getFileName().toString().equals("SimulatorConfiguration.java")) {
                    continue;
                }
                String pkg = dir.getName(0).toString();
                List<String> allowed = ALLOWED.get(pkg);
                org.assertj.core.api.Assertions.assertThat(allowed).as("package " + pkg + " in ALLOWED").isNotNull();
                var m = imports.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg) && !allowed.contains(m.group(1))) {
                        broken.add(file + " imports " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(broken).isEmpty();
    }

    /** Within the engine, the sub-packages' rules, for imports too. */
    @org.junit.jupiter.api.Test
    void theEngineImportsHoldItsRulesToo() throws java.io.IOException {
        java.nio.file.Path engine = java.nio.file.Path.of("src/main/java/org/instanceha/recovery");
        List<String> broken = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(engine)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = engine.relativize(file.getParent()).toString();
                String pkg = relative.isEmpty() ? null : relative.split("/")[0];
                List<String> allowed = pkg == null ? List.of() : new ArrayList<>(ENGINE_ALLOWED.get(pkg));
                if (pkg != null) {
                    allowed.add(pkg);
                }
                var imports = java.util.regex.Pattern.compile("^import (?:static )?" + ENGINE.replace(".", "\\.")
                        + "\\.([a-z]+)\\.([A-Z]\\w*)", java.util.regex.Pattern.MULTILINE)
                        .matcher(java.nio.file.Files.readString(file));
                while (imports.find()) {
                    boolean passed = "hostfailure".equals(pkg) && "evacuation".equals(imports.group(1))
                            && "InstanceEvacuation".equals(imports.group(2));
                    if (!allowed.contains(imports.group(1)) && !passed) {
                        broken.add(file + " imports " + imports.group(1) + "." + imports.group(2));
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(broken).isEmpty();
    }

    /** Spring names a bean after its class's simple name, and the models name delegates by it. */
    @ArchTest
    static void noSimpleClassNameTwice(JavaClasses classes) {
        Map<String, List<String>> byName = new TreeMap<>();
        classes.stream().filter(c -> c.getPackageName().startsWith("org.instanceha") && c.isTopLevelClass())
                .forEach(c -> byName.computeIfAbsent(c.getSimpleName(), n -> new ArrayList<>()).add(c.getName()));
        byName.values().removeIf(names -> names.size() < 2 || names.get(0).endsWith("package-info"));
        org.assertj.core.api.Assertions.assertThat(byName).as("simple class names used twice").isEmpty();
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
