package dev.openkb.intellij.ide;

import com.intellij.notification.NotificationGroupManager;
import com.intellij.notification.NotificationType;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.text.StringUtil;
import dev.openkb.client.report.Summary;
import dev.openkb.intellij.Notifier;

/**
 * Notifications in the IDE's "OpenKB" balloon group (declared in plugin.xml). The body is plain text from the
 * server, so it is escaped before the IDE renders it as HTML. Stateless; the IDE's notification bus is
 * thread-safe.
 */
public final class BalloonNotifier implements Notifier {
    static final String GROUP = "OpenKB";

    @Override
    public void notify(Project project, Summary summary) {
        NotificationType type = switch (summary.level()) {
            case ERROR -> NotificationType.ERROR;
            case WARNING -> NotificationType.WARNING;
            case INFO -> NotificationType.INFORMATION;
        };
        String body = StringUtil.escapeXmlEntities(summary.body()).replace("\n", "<br>");
        NotificationGroupManager.getInstance().getNotificationGroup(GROUP)
                .createNotification(summary.title(), body, type)
                .notify(project);
    }
}
