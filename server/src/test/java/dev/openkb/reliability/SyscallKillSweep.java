package dev.openkb.reliability;

import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 4a, real process death at syscall boundaries: the built CLI adds the scenario's files under
 * {@code strace -f -e inject=<syscall>:signal=SIGKILL:when=N}, so the JVM dies exactly at the Nth
 * rename, link, fsync, unlink, mkdir or rmdir (strace counts per thread); then a fresh
 * {@code openkb recover} process runs, a fresh process must get the KB's flock within 2 s, and the
 * invariants must hold with wall-clock timestamps masked. Stateless.
 */
public final class SyscallKillSweep {
    public static final String LAYER = "syscall-kill";
    public static final List<String> SYSCALLS = List.of("rename", "link", "fsync", "unlink", "mkdir", "rmdir");
    private static final Pattern CALL = Pattern.compile("^(\\d+)\\s+(\\w+)\\(");

    private SyscallKillSweep() {
    }

    /** Kill points per syscall: the most calls any one thread of a clean traced run makes. */
    public static Map<String, Integer> points(Workbench wb, Path work) throws IOException, InterruptedException {
        Path kb = wb.copy("strace-count");
        Path trace = work.resolve("count.trace");
        int rc = Cli.run(Cli.strace(trace, List.of("-e", "trace=" + String.join(",", SYSCALLS)), add(wb, kb)),
                work.resolve("count.log"), Duration.ofMinutes(5));
        if (rc != 0) {
            throw new IOException("the clean traced add failed (" + rc + "): " + Files.readString(work.resolve("count.log")));
        }
        Map<String, Map<String, Integer>> perThread = new HashMap<>();
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            Matcher m = CALL.matcher(line);
            if (m.find() && SYSCALLS.contains(m.group(2))) {
                perThread.computeIfAbsent(m.group(2), k -> new HashMap<>()).merge(m.group(1), 1, Integer::sum);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String s : SYSCALLS) {
            out.put(s, perThread.getOrDefault(s, Map.of()).values().stream().max(Integer::compare).orElse(0));
        }
        Workbench.deleteTree(kb);
        return out;
    }

    /**
     * Kills at every {@code stride}-th call of each syscall, starting at {@code offset} and shifting
     * by 7 per syscall, so a sample does not always hit the same early calls.
     */
    public static LayerResult run(Workbench wb, Path work, int stride, int offset) throws IOException, InterruptedException {
        LayerResult r = new LayerResult(LAYER, "syscall kill points");
        int shift = offset;
        Map<String, Integer> points = points(wb, work);
        r.note("calls per thread in a clean traced add: " + points);
        for (Map.Entry<String, Integer> e : points.entrySet()) {
            for (int n = 1 + shift % stride; n <= e.getValue(); n += stride) {
                String point = e.getKey() + ":" + n;
                r.tried();
                List<String> v = trial(wb, work, e.getKey(), n);
                if (!v.isEmpty()) {
                    String name = wb.scenario().name();
                    r.diverged(new Divergence(LAYER, name, point, 0, v, Replay.command(LAYER, name, point, 0)));
                }
            }
            shift += 7;
        }
        return r;
    }

    /** One kill point; returns the violations (empty when sound). */
    public static List<String> trial(Workbench wb, Path work, String syscall, int n) throws IOException, InterruptedException {
        Path kb = wb.copy("kill-" + syscall + "-" + n);
        Path log = work.resolve("kill.log");
        int rc = Cli.run(Cli.strace(Path.of("/dev/null"), List.of("-e", "trace=" + syscall,
                "-e", "inject=" + syscall + ":signal=SIGKILL:when=" + n), add(wb, kb)), log, Duration.ofMinutes(5));
        List<String> v = new ArrayList<>();
        if (rc != 0 && rc != 137) {
            v.add("the add neither finished nor died by SIGKILL (exit " + rc + "): " + Files.readString(log));
        }
        v.addAll(recoverAndCheck(wb, kb, rc == 0 ? Outcome.reported(Reported.definite(wb.allUnits())) : Outcome.crash(), work));
        if (v.isEmpty()) {
            Workbench.deleteTree(kb);
        }
        return v;
    }

    /**
     * What every real-process layer checks after a death: a fresh process gets the flock within
     * 2 s, a fresh {@code openkb recover} succeeds, and then every invariant holds.
     */
    static List<String> recoverAndCheck(Workbench wb, Path kb, Outcome o, Path work) throws IOException, InterruptedException {
        List<String> v = new ArrayList<>();
        KbLayout layout = new KbLayout(kb);
        if (!Cli.lockFreeWithin2s(layout.lockFile())) {
            v.add("a fresh process could not take the KB's flock within 2 s after the death");
        }
        Path log = work.resolve("recover.log");
        int rc = Cli.run(Cli.openkb("recover", "--kb", kb.toString()), log, Duration.ofMinutes(2));
        if (rc != 0) {
            v.add("openkb recover failed (exit " + rc + "): " + Files.readString(log));
        }
        v.addAll(KbInvariants.check(layout, wb.allowed(o), wb.manifests()));
        return v;
    }

    /** {@code openkb add --kb KB --jobs 2 files...} for the workbench's add scenario. */
    static List<String> add(Workbench wb, Path kb) {
        List<String> args = new ArrayList<>(List.of("add", "--kb", kb.toString(), "--jobs", "2"));
        ((AddScenario) wb.scenario()).inputFiles(wb.inputs()).forEach(p -> args.add(p.toString()));
        return Cli.openkb(args.toArray(String[]::new));
    }
}
