package dev.openkb.intellij.ide;

import com.intellij.openapi.options.Configurable;
import com.intellij.openapi.options.ConfigurationException;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.project.ProjectManager;
import com.intellij.ui.components.JBLabel;
import com.intellij.ui.components.JBTextField;
import com.intellij.util.ui.FormBuilder;
import com.intellij.util.ui.UIUtil;
import dev.openkb.intellij.OpenKbProjectService;
import dev.openkb.intellij.OpenKbSettings;
import javax.swing.JComponent;
import javax.swing.JPanel;

/**
 * Settings | Tools | OpenKB: the Java that runs the server, the server jar, and how many files an add prepares at
 * once. Applying restarts running servers so the new values take effect. Lives on the EDT (the IDE creates and
 * calls it there).
 */
public final class OpenKbConfigurable implements Configurable {
    private JBTextField javaPath;
    private JBTextField serverJar;
    private JBTextField jobs;
    private JPanel panel;

    @Override
    public String getDisplayName() {
        return "OpenKB";
    }

    @Override
    public JComponent createComponent() {
        javaPath = new JBTextField();
        serverJar = new JBTextField();
        jobs = new JBTextField(4);
        panel = FormBuilder.createFormBuilder()
                .addLabeledComponent("Java path:", javaPath)
                .addComponentToRightColumn(hint("A java executable or a JDK 17+ folder. Empty: JAVA_HOME, then PATH, then the IDE's own runtime."))
                .addLabeledComponent("Server jar:", serverJar)
                .addComponentToRightColumn(hint("Empty: the openkb.jar bundled with the plugin."))
                .addLabeledComponent("Jobs:", jobs)
                .addComponentToRightColumn(hint("Files an add prepares at once. 0 or empty: the server's default."))
                .addComponentFillVertically(new JPanel(), 0)
                .getPanel();
        reset();
        return panel;
    }

    private static JBLabel hint(String text) {
        JBLabel l = new JBLabel(text);
        l.setComponentStyle(UIUtil.ComponentStyle.SMALL);
        l.setFontColor(UIUtil.FontColor.BRIGHTER);
        return l;
    }

    @Override
    public boolean isModified() {
        OpenKbSettings.Snapshot s = OpenKbSettings.getInstance().snapshot();
        // The jobs text is compared as typed, so an invalid entry still enables Apply, which then explains it.
        return !javaPath.getText().strip().equals(s.javaPath()) || !serverJar.getText().strip().equals(s.serverJar())
                || !jobs.getText().strip().equals(jobsText(s));
    }

    @Override
    public void apply() throws ConfigurationException {
        String problem = OpenKbSettings.jobsProblem(jobs.getText());
        if (problem != null) {
            throw new ConfigurationException(problem);
        }
        OpenKbSettings.getInstance().update(javaPath.getText(), serverJar.getText(), jobsValue());
        for (Project p : ProjectManager.getInstance().getOpenProjects()) {
            OpenKbProjectService.getInstance(p).settingsChanged();
        }
    }

    @Override
    public void reset() {
        OpenKbSettings.Snapshot s = OpenKbSettings.getInstance().snapshot();
        javaPath.setText(s.javaPath());
        serverJar.setText(s.serverJar());
        jobs.setText(jobsText(s));
    }

    private static String jobsText(OpenKbSettings.Snapshot s) {
        return s.jobs() == null ? "" : String.valueOf(s.jobs());
    }

    @Override
    public void disposeUIResources() {
        panel = null;
    }

    private int jobsValue() {
        String t = jobs.getText().strip();
        return t.isEmpty() ? 0 : Integer.parseInt(t); // only called once jobsProblem accepted the text
    }
}
