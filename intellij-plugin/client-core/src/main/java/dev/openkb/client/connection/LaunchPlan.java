package dev.openkb.client.connection;

import dev.openkb.client.launch.ClientSetupException;
import dev.openkb.client.launch.LaunchCommand;

/**
 * Works out the server command line. Asked again before every (re)start, so a setting fixed after a failure
 * (a new Java path, a new jar) takes effect without restarting the IDE.
 */
@FunctionalInterface
public interface LaunchPlan {
    LaunchCommand resolve() throws ClientSetupException;
}
