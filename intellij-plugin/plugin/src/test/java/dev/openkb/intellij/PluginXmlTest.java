package dev.openkb.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.intellij.lang.annotation.ExternalAnnotator;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * plugin.xml (and the optional Markdown part) names only classes that exist, in either source folder, of the
 * kind each extension needs; its action ids are exactly {@link ActionIds}. Classes in src/main/java are loaded
 * and checked by type; ide-only classes (not compiled by Maven) are checked from their source's extends and
 * implements clauses.
 */
class PluginXmlTest {
    private static final Path PLUGIN = Path.of(System.getProperty("openkb.plugin.dir", "."));
    private static final Path RESOURCES = PLUGIN.resolve("src/main/resources/META-INF");
    private static final List<Path> SOURCE_ROOTS = List.of(PLUGIN.resolve("src/main/java"), PLUGIN.resolve("src/main/ide-only"));

    /** A class reference in plugin.xml and the type it must be. */
    private record Ref(String element, String attribute, String className, String mustBe) {
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Ref> refs(Document doc) {
        List<Ref> refs = new ArrayList<>();
        for (Element e : elements(doc, "action")) {
            refs.add(new Ref("action " + e.getAttribute("id"), "class", e.getAttribute("class"), AnAction.class.getName()));
        }
        for (String tag : List.of("applicationService", "projectService")) {
            for (Element e : elements(doc, tag)) {
                String impl = e.getAttribute("serviceImplementation");
                String iface = e.getAttribute("serviceInterface");
                refs.add(new Ref(tag, "serviceImplementation", impl, iface.isEmpty() ? null : iface));
                if (!iface.isEmpty()) {
                    refs.add(new Ref(tag, "serviceInterface", iface, null));
                }
            }
        }
        for (Element e : elements(doc, "applicationConfigurable")) {
            refs.add(new Ref("applicationConfigurable", "instance", e.getAttribute("instance"),
                    "com.intellij.openapi.options.Configurable"));
        }
        for (Element e : elements(doc, "externalAnnotator")) {
            refs.add(new Ref("externalAnnotator " + e.getAttribute("language"), "implementationClass",
                    e.getAttribute("implementationClass"), ExternalAnnotator.class.getName()));
        }
        return refs;
    }

    private static Optional<Path> source(String className) {
        String rel = className.replace('.', '/') + ".java";
        return SOURCE_ROOTS.stream().map(root -> root.resolve(rel)).filter(Files::isRegularFile).findFirst();
    }

    private static boolean compiledHere(String className) {
        return source(className).map(p -> p.startsWith(SOURCE_ROOTS.get(0))).orElse(false);
    }

    @Test
    void everyClassNamedInPluginXmlExistsAndIsOfTheRightKind() throws Exception {
        List<Ref> refs = new ArrayList<>(refs(parse(RESOURCES.resolve("plugin.xml"))));
        refs.addAll(refs(parse(RESOURCES.resolve("openkb-markdown.xml"))));
        assertTrue(refs.size() >= 10, "expected the plugin's actions and extensions, found " + refs);
        for (Ref r : refs) {
            assertFalse(r.className().isBlank(), r + " has no class");
            assertTrue(source(r.className()).isPresent(), r + ": no source for " + r.className() + " in " + SOURCE_ROOTS);
            if (r.mustBe() != null) {
                assertTrue(isA(r.className(), r.mustBe(), new HashSet<>()), r + ": " + r.className() + " is not a " + r.mustBe());
            }
        }
    }

    @Test
    void actionIdsAreUniqueAndExactlyTheOnesTheCodeNames() throws Exception {
        Document doc = parse(RESOURCES.resolve("plugin.xml"));
        List<String> ids = new ArrayList<>();
        for (String tag : List.of("action", "group")) {
            elements(doc, tag).forEach(e -> ids.add(e.getAttribute("id")));
        }
        assertEquals(ids.size(), Set.copyOf(ids).size(), "duplicate ids in " + ids);
        assertEquals(Set.copyOf(ActionIds.ALL), Set.copyOf(ids));
    }

    @Test
    void actionsAndServicesCanBeCreatedTheWayTheIdeCreatesThem() throws Exception {
        Document doc = parse(RESOURCES.resolve("plugin.xml"));
        for (Element e : elements(doc, "action")) {
            Class.forName(e.getAttribute("class")).getConstructor(); // actions: public no-argument constructor
        }
        for (Element e : elements(doc, "projectService")) {
            Class.forName(e.getAttribute("serviceImplementation")).getConstructor(Project.class);
        }
        assertTrue(PersistentStateComponent.class.isAssignableFrom(OpenKbSettings.class));
        OpenKbSettings.class.getConstructor();
    }

    @Test
    void theNotificationGroupIsTheOneTheNotifierUses() throws Exception {
        Document doc = parse(RESOURCES.resolve("plugin.xml"));
        String declared = elements(doc, "notificationGroup").get(0).getAttribute("id");
        String notifier = Files.readString(source("dev.openkb.intellij.ide.BalloonNotifier").orElseThrow());
        assertTrue(notifier.contains("GROUP = \"" + declared + "\""), "BalloonNotifier does not use group " + declared);
    }

    /**
     * Whether {@code className} is a {@code type}: by reflection when it is compiled here, else by following
     * its source's extends/implements clauses (simple names resolved against its imports and package).
     */
    private static boolean isA(String className, String type, Set<String> seen) throws IOException {
        if (className.equals(type)) {
            return true;
        }
        if (!seen.add(className)) {
            return false;
        }
        if (compiledHere(className)) {
            try {
                Class<?> c = Class.forName(className);
                try {
                    return Class.forName(type).isAssignableFrom(c);
                } catch (ClassNotFoundException notInTheseJars) {
                    return false; // an IDE type the 2018.3 jars lack cannot be a supertype of a class compiled against them
                }
            } catch (ClassNotFoundException e) {
                fail(className + " has a source in src/main/java but was not compiled");
            }
        }
        Optional<Path> src = source(className);
        if (src.isEmpty()) {
            return false;
        }
        for (String parent : supertypes(Files.readString(src.get()), className)) {
            if (isA(parent, type, seen)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:class|interface)\\s+\\w+(?:<[^{]*?>)?\\s*(?:extends\\s+([\\w.<>, ]+?))?\\s*(?:implements\\s+([\\w.<>, ]+?))?\\s*\\{");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+);", Pattern.MULTILINE);

    /** Fully qualified names of the types named after extends/implements in a source file. */
    private static List<String> supertypes(String source, String className) {
        Matcher m = DECLARATION.matcher(source);
        if (!m.find()) {
            return List.of();
        }
        List<String> simple = new ArrayList<>();
        for (int g = 1; g <= 2; g++) {
            if (m.group(g) != null) {
                for (String t : m.group(g).replaceAll("<[^>]*>", "").split(",")) {
                    if (!t.isBlank()) {
                        simple.add(t.strip());
                    }
                }
            }
        }
        List<String> imports = new ArrayList<>();
        Matcher im = IMPORT.matcher(source);
        while (im.find()) {
            imports.add(im.group(1));
        }
        String pkg = className.substring(0, className.lastIndexOf('.'));
        List<String> out = new ArrayList<>();
        for (String s : simple) {
            out.add(s.contains(".") ? s : imports.stream().filter(i -> i.endsWith("." + s)).findFirst().orElse(pkg + "." + s));
        }
        return out;
    }
}
