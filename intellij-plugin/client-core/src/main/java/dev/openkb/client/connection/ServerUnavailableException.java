package dev.openkb.client.connection;

/**
 * The server cannot answer: it exited (crashed) while the request was pending, it could not be started, or it
 * crashed too often and is no longer restarted. The message is written for the user.
 */
public final class ServerUnavailableException extends RuntimeException {
    public ServerUnavailableException(String message) {
        super(message);
    }

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
