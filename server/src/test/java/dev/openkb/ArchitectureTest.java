package dev.openkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture invariants of docs/architecture.md, checked on the main sources (comments and
 * string literals left out, so documentation may name what code may not use):
 * <ul>
 * <li>only {@code dev.openkb.lsp} uses LSP4J ({@code org.eclipse.lsp4j});</li>
 * <li>only {@code dev.openkb.io} and {@code dev.openkb.lock} force or lock a {@code FileChannel};</li>
 * <li>only {@code dev.openkb.cli} writes to {@code System.out} (the LSP keeps stdout for JSON-RPC);</li>
 * <li>a package uses only the packages {@link #ALLOWED} lists for it (imports and fully qualified
 * names alike), and the top-level packages use each other without a cycle.</li>
 * </ul>
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern LSP4J = Pattern.compile("\\borg\\s*\\.\\s*eclipse\\s*\\.\\s*lsp4j\\b");
    private static final Pattern CHANNEL = Pattern.compile("\\b(FileChannel|AsynchronousFileChannel)\\b|getChannel\\s*\\(");
    private static final Pattern FORCE_OR_LOCK = Pattern.compile("\\.\\s*(force|lock|tryLock)\\s*\\(");
    private static final Pattern SYSTEM_OUT = Pattern.compile("\\bSystem\\s*\\.\\s*out\\b");
    /** A use of another project package: {@code dev.openkb.<package>.} followed by a type or {@code *}. */
    private static final Pattern PROJECT_REF = Pattern.compile("\\bdev\\.openkb\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.(?=[A-Z*])");

    /**
     * The allowed package edges (package relative to {@code dev.openkb} → the packages it may use).
     * The faces ({@code cli}, {@code lsp}) sit on top, {@code service} under them, the mutations
     * ({@code add}, {@code remove}, {@code recompile}, {@code compile}) under that, and the KB model,
     * journal and I/O at the bottom. A new package, or a new edge, is a design decision: add it here and
     * to docs/architecture.md together. Inside {@code compile} the API package and its compilers know
     * each other ({@code Compilers} builds them, they implement {@code WikiCompiler}); every other edge
     * points down.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("engine", Set.of()),
            Map.entry("io", Set.of()),
            Map.entry("lock", Set.of("engine")),
            Map.entry("kb", Set.of("engine", "io")),
            Map.entry("wiki", Set.of("engine", "kb")),
            Map.entry("journal", Set.of("engine", "io", "kb", "lock")),
            Map.entry("trust", Set.of("engine", "io")),
            Map.entry("pageindex", Set.of("engine", "kb", "wiki")),
            Map.entry("convert", Set.of("engine", "pageindex")),
            Map.entry("lint", Set.of("engine", "io", "kb", "wiki")),
            Map.entry("compile", Set.of("compile.llm", "compile.offline", "compile.text", "convert", "engine", "kb", "trust")),
            Map.entry("compile.text", Set.of("compile.offline", "compile.pages", "engine", "kb")),
            Map.entry("compile.pages", Set.of("compile", "compile.text", "convert", "engine", "kb", "wiki")),
            Map.entry("compile.offline", Set.of("compile", "compile.pages", "compile.text", "convert", "engine", "kb", "wiki")),
            Map.entry("compile.llm", Set.of("compile", "compile.pages", "compile.text", "convert", "engine", "kb", "trust", "wiki")),
            Map.entry("add", Set.of("compile", "convert", "engine", "io", "journal", "kb", "lock", "pageindex")),
            Map.entry("remove", Set.of("compile.pages", "engine", "io", "journal", "kb", "lint", "lock", "pageindex")),
            Map.entry("recompile", Set.of("compile", "compile.pages", "convert", "engine", "journal", "kb", "remove")),
            Map.entry("rename", Set.of("engine", "kb", "lint", "wiki")),
            Map.entry("watch", Set.of("engine")),
            Map.entry("graph", Set.of("engine", "io", "kb", "lint", "wiki")),
            Map.entry("search", Set.of("engine", "io", "kb", "pageindex", "wiki")),
            Map.entry("query", Set.of("compile.pages", "engine", "journal", "kb", "search", "wiki")),
            Map.entry("agent", Set.of("compile", "compile.llm", "engine", "io", "kb", "pageindex", "query", "search")),
            Map.entry("service", Set.of("add", "agent", "chat", "compile", "convert", "engine", "graph", "io", "journal", "kb", "lint", "lock",
                    "pageindex", "query", "recompile", "remove", "rename", "search", "watch")),
            Map.entry("chat", Set.of("engine", "io", "journal", "kb", "wiki")),
            Map.entry("lsp", Set.of("add", "convert", "engine", "io", "journal", "kb", "lint", "lock", "query", "recompile", "remove",
                    "rename", "service", "watch", "wiki")),
            Map.entry("cli", Set.of("add", "agent", "chat", "compile", "compile.llm", "engine", "journal", "kb", "lint", "lock", "lsp", "query",
                    "recompile", "remove", "rename", "service", "trust", "watch")));

    @Test
    void layersKeepToTheirPackages() throws IOException {
        assertEquals(List.of(), violations(sources(MAIN)));
    }

    @Test
    void theCheckCatchesEachKindOfViolationButNotMentionsInCommentsOrStrings() {
        Map<String, String> bad = new TreeMap<>();
        bad.put("dev/openkb/kb/A.java", "import org.eclipse.lsp4j.Position;\nclass A {}");
        bad.put("dev/openkb/journal/B.java", "class B { void f(java.nio.channels.FileChannel c) throws Exception { c.force(true); } }");
        bad.put("dev/openkb/add/C.java", "class C { void f(java.io.RandomAccessFile f) throws Exception { f.getChannel().lock(); } }");
        bad.put("dev/openkb/lsp/D.java", "class D { void f() { System.out.println(1); } }");
        bad.put("dev/openkb/lsp/E.java", "import org.eclipse.lsp4j.Position; class E {}");
        bad.put("dev/openkb/io/F.java", "class F { void f(java.nio.channels.FileChannel c) throws Exception { c.force(true); } }");
        bad.put("dev/openkb/cli/G.java", "class G { void f() { System.out.println(1); } }");
        bad.put("dev/openkb/kb/H.java", "/** Never System.out or org.eclipse.lsp4j here. */ class H { String s = \"FileChannel.force(\"; }");
        assertEquals(List.of(
                "dev/openkb/add/C.java: forces or locks a FileChannel outside dev.openkb.io / dev.openkb.lock",
                "dev/openkb/journal/B.java: forces or locks a FileChannel outside dev.openkb.io / dev.openkb.lock",
                "dev/openkb/kb/A.java: uses org.eclipse.lsp4j outside dev.openkb.lsp",
                "dev/openkb/lsp/D.java: writes to System.out outside dev.openkb.cli"), violations(bad));
    }

    @Test
    void packagesUseOnlyThePackagesTheTableAllows() throws IOException {
        assertEquals(List.of(), edgeViolations(sources(MAIN), ALLOWED));
    }

    @Test
    void theAllowedTopLevelPackageEdgesHaveNoCycle() {
        Map<String, Set<String>> top = new TreeMap<>();
        ALLOWED.forEach((from, tos) -> tos.forEach(to -> {
            if (!topLevel(from).equals(topLevel(to))) {
                top.computeIfAbsent(topLevel(from), k -> new TreeSet<>()).add(topLevel(to));
            }
        }));
        for (String start : top.keySet()) {
            assertFalse(reaches(top, start, start, new TreeSet<>()), start + " reaches itself through the allowed edges");
        }
    }

    @Test
    void theEdgeCheckCatchesAnEdgeOutsideTheTableAndAPackageMissingFromIt() {
        Map<String, String> src = new TreeMap<>();
        src.put("dev/openkb/kb/A.java", "package dev.openkb.kb;\nimport dev.openkb.journal.JournalStore;\nclass A {}");
        src.put("dev/openkb/journal/B.java", "package dev.openkb.journal;\nclass B { dev.openkb.kb.KbLayout l; }");
        src.put("dev/openkb/lsp/C.java", "package dev.openkb.lsp;\nimport dev.openkb.compile.pages.*;\nclass C {}");
        src.put("dev/openkb/fresh/D.java", "package dev.openkb.fresh;\nimport dev.openkb.kb.KbLayout;\nclass D {}");
        src.put("dev/openkb/engine/E.java", "package dev.openkb.engine;\n/** Unlike dev.openkb.kb.KbLayout. */ class E { String s = \"dev.openkb.lsp.X\"; }");
        Map<String, Set<String>> table = Map.of("engine", Set.of(), "kb", Set.of("engine"), "journal", Set.of("kb"),
                "lsp", Set.of("kb", "compile"));
        assertEquals(List.of(
                "dev/openkb/fresh/D.java: package fresh is not in ArchitectureTest.ALLOWED",
                "dev/openkb/kb/A.java: kb uses journal, which ArchitectureTest.ALLOWED does not allow",
                "dev/openkb/lsp/C.java: lsp uses compile.pages, which ArchitectureTest.ALLOWED does not allow"), edgeViolations(src, table));
    }

    static List<String> edgeViolations(Map<String, String> sources, Map<String, Set<String>> allowed) {
        List<String> out = new ArrayList<>();
        sources.forEach((file, text) -> {
            String pkg = file.substring("dev/openkb/".length(), Math.max(file.lastIndexOf('/'), "dev/openkb/".length()))
                    .replace('/', '.');
            Set<String> ok = allowed.get(pkg);
            if (ok == null) {
                out.add(file + ": package " + pkg + " is not in ArchitectureTest.ALLOWED");
                return;
            }
            Set<String> used = new TreeSet<>();
            Matcher m = PROJECT_REF.matcher(codeOnly(text));
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String to : used) {
                if (!to.equals(pkg) && !ok.contains(to)) {
                    out.add(file + ": " + pkg + " uses " + to + ", which ArchitectureTest.ALLOWED does not allow");
                }
            }
        });
        out.sort(null);
        return out;
    }

    private static String topLevel(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
        for (String next : edges.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(edges, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Package-relative path ("dev/openkb/kb/A.java") to source text. */
    private static Map<String, String> sources(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static List<String> violations(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        sources.forEach((file, text) -> {
            String code = codeOnly(text);
            if (!file.startsWith("dev/openkb/lsp/") && LSP4J.matcher(code).find()) {
                out.add(file + ": uses org.eclipse.lsp4j outside dev.openkb.lsp");
            }
            if (!file.startsWith("dev/openkb/io/") && !file.startsWith("dev/openkb/lock/")
                    && CHANNEL.matcher(code).find() && FORCE_OR_LOCK.matcher(code).find()) {
                out.add(file + ": forces or locks a FileChannel outside dev.openkb.io / dev.openkb.lock");
            }
            if (!file.startsWith("dev/openkb/cli/") && SYSTEM_OUT.matcher(code).find()) {
                out.add(file + ": writes to System.out outside dev.openkb.cli");
            }
        });
        out.sort(null);
        return out;
    }

    /** The source with comments, string and character literals and text blocks blanked out. */
    static String codeOnly(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = endOf(src, "\n", i + 2);
            } else if (src.startsWith("/*", i)) {
                i = endOf(src, "*/", i + 2) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                i = endOf(src, "\"\"\"", i + 3) + 3;
                b.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                b.append(c).append(c);
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int endOf(String src, String end, int from) {
        int k = src.indexOf(end, from);
        return k < 0 ? src.length() : k;
    }
}
