package dev.openkb.intellij;

import com.intellij.openapi.diagnostic.Logger;
import com.intellij.openapi.project.Project;
import dev.openkb.client.connection.ClientEvents;
import dev.openkb.client.report.Summary;

/**
 * Server life events as IDE notifications and log lines. Called on client threads; {@link Notifier}
 * implementations are thread-safe.
 */
final class IdeClientEvents implements ClientEvents {
    private static final Logger LOG = Logger.getInstance(IdeClientEvents.class);

    private final Project project;

    IdeClientEvents(Project project) {
        this.project = project;
    }

    @Override
    public void serverStarted(boolean restart) {
        LOG.info(restart ? "OpenKB server restarted" : "OpenKB server started");
        if (restart) {
            notify(Summary.Level.INFO, "OpenKB server restarted", "");
        }
    }

    @Override
    public void serverCrashed(String message, boolean restarting) {
        LOG.warn(message);
        notify(restarting ? Summary.Level.WARNING : Summary.Level.ERROR, "OpenKB server crashed", message);
    }

    @Override
    public void serverFailedToStart(String message) {
        LOG.warn(message);
        notify(Summary.Level.ERROR, "OpenKB server could not start", message);
    }

    @Override
    public void showMessage(MessageLevel level, String message) {
        switch (level) {
            case ERROR -> notify(Summary.Level.ERROR, "OpenKB", message);
            case WARNING -> notify(Summary.Level.WARNING, "OpenKB", message);
            case INFO -> notify(Summary.Level.INFO, "OpenKB", message);
            case LOG -> LOG.info(message);
        }
    }

    /** Server stderr and log messages go to idea.log at debug level; a crash report quotes the last lines anyway. */
    @Override
    public void log(String line) {
        LOG.debug(line);
    }

    private void notify(Summary.Level level, String title, String body) {
        if (!project.isDisposed()) {
            Notifier.getInstance().notify(project, new Summary(level, title, body));
        }
    }
}
