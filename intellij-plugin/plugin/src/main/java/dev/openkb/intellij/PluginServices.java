package dev.openkb.intellij;

import com.intellij.openapi.components.ServiceManager;
import com.intellij.openapi.project.Project;

/**
 * The one place that looks up this plugin's services. {@link ServiceManager} is the lookup both the IntelliJ
 * 2018.3 API this glue is compile-checked against and current IDEs provide (deprecated there in favour of
 * {@code ComponentManager.getService}, which 2018.3 lacks); keeping every lookup here means one line to change
 * when the compile check moves to a newer API. Stateless.
 */
public final class PluginServices {
    private PluginServices() {
    }

    public static OpenKbSettings settings() {
        return ServiceManager.getService(OpenKbSettings.class);
    }

    public static Notifier notifier() {
        return ServiceManager.getService(Notifier.class);
    }

    public static AskUi askUi() {
        return ServiceManager.getService(AskUi.class);
    }

    public static OpenKbProjectService project(Project project) {
        return ServiceManager.getService(project, OpenKbProjectService.class);
    }
}
