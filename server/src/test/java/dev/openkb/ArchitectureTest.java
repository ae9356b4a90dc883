package dev.openkb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture invariants of docs/architecture.md, checked on the main sources (comments and
 * string literals left out, so documentation may name what code may not use):
 * <ul>
 * <li>only {@code dev.openkb.lsp} uses LSP4J ({@code org.eclipse.lsp4j});</li>
 * <li>only {@code dev.openkb.io} and {@code dev.openkb.lock} force or lock a {@code FileChannel};</li>
 * <li>only {@code dev.openkb.cli} writes to {@code System.out} (the LSP keeps stdout for JSON-RPC).</li>
 * </ul>
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern LSP4J = Pattern.compile("\\borg\\s*\\.\\s*eclipse\\s*\\.\\s*lsp4j\\b");
    private static final Pattern CHANNEL = Pattern.compile("\\b(FileChannel|AsynchronousFileChannel)\\b|getChannel\\s*\\(");
    private static final Pattern FORCE_OR_LOCK = Pattern.compile("\\.\\s*(force|lock|tryLock)\\s*\\(");
    private static final Pattern SYSTEM_OUT = Pattern.compile("\\bSystem\\s*\\.\\s*out\\b");

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
