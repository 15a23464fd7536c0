package org.instanceha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The documents a newcomer reads: README.md stays a front door, every link in the documents leads to a
 * file of the repository, and the configuration reference names every setting the code reads.
 */
class DocsTest {

    /** A Markdown link or image: [text](target). */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("bpmn/README.md"),
                Path.of("forms/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void theReadmeIsAFrontDoorNotAManual() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void everyLinkInTheDocumentsLeadsToAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents()) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address (http://localhost...) or a heading of the same page
                }
                links++;
                Path file = document.toAbsolutePath().getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!Files.exists(file) || !file.startsWith(Path.of("").toAbsolutePath())) {
                    broken.add(document + ": " + target);
                }
            }
        }

        assertThat(links).as("links checked").isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void theConfigurationReferenceNamesEverySetting() throws Exception {
        String reference = Files.readString(Path.of("docs/configuration.md"));
        List<String> settings = new ArrayList<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("org.instanceha")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            settings(type.getAnnotation(ConfigurationProperties.class).value(), type, settings);
        }

        assertThat(settings).as("settings read").hasSizeGreaterThan(40);
        assertThat(settings).as("settings missing from docs/configuration.md")
                .filteredOn(setting -> !reference.contains("`" + setting + "`")).isEmpty();
    }

    private static void settings(String prefix, Class<?> type, List<String> settings) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        java.lang.reflect.Parameter[] parameters = type.getDeclaredConstructor(Stream.of(components)
                .map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Name bound = parameters[i].getAnnotation(Name.class);
            String name = prefix + "." + (bound != null ? bound.value() : kebab(component.getName()));
            if (component.getType().isRecord() && component.getType().getName().startsWith("org.instanceha")) {
                settings(name, component.getType(), settings);
            } else {
                settings.add(name);
            }
        }
    }

    /** {@code maxParallelEvacuations} -> {@code max-parallel-evacuations}, as Spring binds it. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
