package dev.openkb.intellij;

import com.intellij.openapi.project.Project;
import dev.openkb.client.report.Summary;

/**
 * Shows results and errors to the user. An interface because the IDE's notification API is not in the jars this
 * glue is compile-checked against: the implementation ({@code dev.openkb.intellij.ide.BalloonNotifier}) lives in
 * the ide-only source folder and is registered in plugin.xml. Implementations may be called from any thread.
 */
public interface Notifier {
    void notify(Project project, Summary summary);

    static Notifier getInstance() {
        return PluginServices.notifier();
    }
}
