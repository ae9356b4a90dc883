package dev.openkb.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the output of {@code strace -f -qq -y} into the successful file-system calls, in order.
 * JVM threads interleave, so a call strace splits into {@code <unfinished ...>} and
 * {@code <... resumed>} lines is put back together per thread first. Stateless.
 */
public final class StraceTrace {
    /** One successful call: its thread, name, string arguments (paths), fd arguments (paths from -y), flags text. */
    public record Call(int index, String pid, String name, List<String> paths, List<String> fds, String text) {
        String path(int i) {
            return paths.size() > i ? paths.get(i) : null;
        }

        String fd(int i) {
            return fds.size() > i ? fds.get(i) : null;
        }
    }

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\s+(.*)$");
    private static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. (\\w+) resumed>(.*)$");
    private static final Pattern CALL = Pattern.compile("^(\\w+)\\((.*)\\)\\s+=\\s+(-?\\d+)(.*)$");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FD = Pattern.compile("(?<![\\w\"])\\d+<([^>]*)>");

    private StraceTrace() {
    }

    public static List<Call> parse(List<String> lines) {
        Map<String, String> unfinished = new HashMap<>();
        List<Call> calls = new ArrayList<>();
        for (String raw : lines) {
            Matcher l = LINE.matcher(raw);
            if (!l.matches()) {
                continue;
            }
            String pid = l.group(1);
            String rest = l.group(2);
            if (rest.endsWith("<unfinished ...>")) {
                unfinished.put(pid, rest.substring(0, rest.length() - "<unfinished ...>".length()).stripTrailing());
                continue;
            }
            Matcher r = RESUMED.matcher(rest);
            if (r.matches()) {
                String start = unfinished.remove(pid);
                if (start == null) {
                    continue;
                }
                rest = start + r.group(2);
            }
            Matcher c = CALL.matcher(rest);
            if (!c.matches() || c.group(3).startsWith("-")) {
                continue; // not a call, or it failed
            }
            String args = c.group(2);
            List<String> paths = new ArrayList<>();
            Matcher s = STRING.matcher(args);
            while (s.find()) {
                paths.add(unescape(s.group(1)));
            }
            // fd arguments with their -y path, and the result's (openat returns "5</path>")
            List<String> fds = new ArrayList<>();
            Matcher f = FD.matcher(STRING.matcher(args).replaceAll("\"\""));
            while (f.find()) {
                fds.add(f.group(1));
            }
            Matcher result = FD.matcher(c.group(3) + c.group(4));
            if (result.find()) {
                fds.add(result.group(1));
            }
            calls.add(new Call(calls.size(), pid, c.group(1), paths, fds, args));
        }
        return calls;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
