package dev.openkb.intellij;

import com.intellij.codeInsight.daemon.DaemonCodeAnalyzer;
import com.intellij.openapi.Disposable;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.editor.Document;
import com.intellij.openapi.editor.EditorFactory;
import com.intellij.openapi.editor.event.EditorFactoryEvent;
import com.intellij.openapi.editor.event.EditorFactoryListener;
import com.intellij.openapi.fileEditor.FileDocumentManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.psi.PsiFile;
import com.intellij.psi.PsiManager;
import dev.openkb.client.connection.ClientConfig;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.launch.ClientSetupException;
import dev.openkb.client.launch.JavaLocator;
import dev.openkb.client.launch.JavaRuntime;
import dev.openkb.client.launch.LaunchCommand;
import dev.openkb.client.launch.ServerJarLocator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One OpenKB server per project: created on first use, restarted on settings changes, shut down with the
 * project. Also keeps the quick fixes fetched for the current diagnostics, re-runs the editor highlighting when
 * the server publishes new diagnostics, and closes a buffer on the server when its last editor closes.
 *
 * <p>Threading: {@code client} and {@code autoStartTried} are guarded by {@code lock}; the fix cache is a
 * concurrent map of immutable lists. Called from the EDT, background tasks and annotator threads.
 */
public final class OpenKbProjectService implements Disposable {
    private static final String CLIENT_NAME = "OpenKB for IntelliJ";

    private final Project project;
    private final Object lock = new Object();
    private final Map<KbDiagnostic, List<QuickFix>> fixes = new ConcurrentHashMap<>();
    private OpenKbClient client;
    private boolean autoStartTried;

    public OpenKbProjectService(Project project) {
        this.project = project;
        EditorFactory.getInstance().addEditorFactoryListener(new EditorFactoryListener() {
            @Override
            public void editorReleased(EditorFactoryEvent event) {
                documentClosed(event.getEditor().getDocument());
            }
        }, this);
    }

    public static OpenKbProjectService getInstance(Project project) {
        return PluginServices.project(project);
    }

    /** The project's client (its server starts on the first request). */
    public OpenKbClient client() {
        synchronized (lock) {
            if (client == null) {
                client = new OpenKbClient(ClientConfig.of(this::launchCommand, workspaceRoot(), CLIENT_NAME),
                        new IdeClientEvents(project));
                client.diagnostics().subscribe(this::diagnosticsChanged);
            }
            return client;
        }
    }

    /**
     * Starts the server the first time a wiki page is opened. After that, only user actions start it, so a
     * missing Java is reported once, not on every keystroke.
     */
    public void startIfNeverStarted() {
        synchronized (lock) {
            if (autoStartTried) {
                return;
            }
            autoStartTried = true;
        }
        client().start();
    }

    /** Settings changed: a running server is replaced by one started with the new settings. */
    public void settingsChanged() {
        OpenKbClient c;
        synchronized (lock) {
            c = client;
        }
        if (c != null && c.state() != OpenKbClient.State.NOT_STARTED) {
            ApplicationManager.getApplication().executeOnPooledThread(c::restart);
        }
    }

    /**
     * The fixes for these diagnostics, fetched together and cached until the file's diagnostics change. Waits at
     * most {@code timeout} in all; a diagnostic whose answer is late gets no fixes this time.
     */
    public Map<KbDiagnostic, List<QuickFix>> quickFixes(List<KbDiagnostic> diagnostics, Duration timeout) {
        Map<KbDiagnostic, CompletableFuture<List<QuickFix>>> pending = new LinkedHashMap<>();
        for (KbDiagnostic d : diagnostics) {
            if (!fixes.containsKey(d)) {
                pending.put(d, client().quickFixes(d));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<KbDiagnostic, CompletableFuture<List<QuickFix>>> e : pending.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                fixes.put(e.getKey(), List.copyOf(e.getValue().get(left, TimeUnit.NANOSECONDS)));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception ex) {
                // Late or failed: no fixes offered now; the next highlighting pass asks again.
            }
        }
        Map<KbDiagnostic, List<QuickFix>> out = new LinkedHashMap<>();
        for (KbDiagnostic d : diagnostics) {
            out.put(d, fixes.getOrDefault(d, List.of()));
        }
        return out;
    }

    @Override
    public void dispose() {
        OpenKbClient c;
        synchronized (lock) {
            c = client;
            client = null;
        }
        if (c != null) {
            // Off the EDT: an orderly LSP shutdown may take seconds. Should the IDE exit first, the server still
            // exits, because it watches the IDE's pid (sent in initialize).
            ApplicationManager.getApplication().executeOnPooledThread(c::close);
        }
    }

    private LaunchCommand launchCommand() throws ClientSetupException {
        OpenKbSettings.Snapshot s = OpenKbSettings.getInstance().snapshot();
        JavaRuntime java = JavaLocator.forThisOs().locate(s.javaPath(), System.getenv(),
                Path.of(System.getProperty("java.home")));
        Path jar = ServerJarLocator.locate(s.serverJar(), BundledServer.candidates());
        return LaunchCommand.forServer(java, jar, workspaceRoot());
    }

    private Path workspaceRoot() {
        String base = project.getBasePath();
        return Path.of(base != null ? base : System.getProperty("user.home"));
    }

    /** New diagnostics for a file: drop its cached fixes and re-run highlighting on it. */
    private void diagnosticsChanged(Path file) {
        fixes.keySet().removeIf(d -> d.file().equals(file));
        ApplicationManager.getApplication().invokeLater(() -> {
            if (project.isDisposed()) {
                return;
            }
            VirtualFile vf = IdePaths.findFile(file, false);
            PsiFile psi = vf == null ? null : PsiManager.getInstance(project).findFile(vf);
            if (psi != null) {
                DaemonCodeAnalyzer.getInstance(project).restart(psi);
            }
        });
    }

    private void documentClosed(Document document) {
        if (EditorFactory.getInstance().getEditors(document, project).length > 1) {
            return; // another editor still shows it (the released one may still be counted)
        }
        VirtualFile vf = FileDocumentManager.getInstance().getFile(document);
        OpenKbClient c;
        synchronized (lock) {
            c = client;
        }
        if (vf != null && vf.isInLocalFileSystem() && c != null) {
            c.closeDocument(Path.of(vf.getPath()));
        }
    }
}
