package dev.openkb.client.launch;

/**
 * The server cannot be started as configured: no suitable Java, no server jar, a bad setting. The message is
 * written for the user (it names the setting or path and what was wrong) and is shown as is.
 */
public final class ClientSetupException extends Exception {
    public ClientSetupException(String message) {
        super(message);
    }
}
