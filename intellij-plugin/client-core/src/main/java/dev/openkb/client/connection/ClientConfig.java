package dev.openkb.client.connection;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a client starts and supervises its server.
 *
 * @param launch                how to start it
 * @param workspaceRoot         the project folder, sent as the workspace folder (the server looks for KBs below it)
 * @param clientName            sent as {@code clientInfo.name}
 * @param restartPolicy         when a crashed server is started again
 * @param startTimeout          how long the process may take to answer {@code initialize}
 * @param shutdownTimeout       how long {@code shutdown} may take before the process is killed
 * @param initializationOptions sent as is in {@code initialize}, or null
 */
public record ClientConfig(LaunchPlan launch, Path workspaceRoot, String clientName, RestartPolicy restartPolicy,
        Duration startTimeout, Duration shutdownTimeout, JsonObject initializationOptions) {

    /** Standard timeouts and restart policy. */
    public static ClientConfig of(LaunchPlan launch, Path workspaceRoot, String clientName) {
        return new ClientConfig(launch, workspaceRoot, clientName, RestartPolicy.standard(), Duration.ofSeconds(60),
                Duration.ofSeconds(10), null);
    }

    public ClientConfig withRestartPolicy(RestartPolicy policy) {
        return new ClientConfig(launch, workspaceRoot, clientName, policy, startTimeout, shutdownTimeout,
                initializationOptions);
    }

    public ClientConfig withInitializationOptions(JsonObject options) {
        return new ClientConfig(launch, workspaceRoot, clientName, restartPolicy, startTimeout, shutdownTimeout, options);
    }
}
