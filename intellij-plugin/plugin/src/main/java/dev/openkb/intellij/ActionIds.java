package dev.openkb.intellij;

import java.util.List;

/** The action ids in plugin.xml (a test checks the two agree). */
public final class ActionIds {
    public static final String ADD = "OpenKB.AddToKnowledgeBase";
    public static final String RECOVER = "OpenKB.RecoverKnowledgeBase";
    public static final String LINT = "OpenKB.LintKnowledgeBase";
    public static final String RESTART = "OpenKB.RestartServer";
    public static final String ASK = "OpenKB.Ask";
    public static final String TOOLS_GROUP = "OpenKB.ToolsMenu";

    public static final List<String> ALL = List.of(ADD, RECOVER, LINT, RESTART, ASK, TOOLS_GROUP);

    private ActionIds() {
    }
}
