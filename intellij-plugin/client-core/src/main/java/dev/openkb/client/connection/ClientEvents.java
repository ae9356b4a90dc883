package dev.openkb.client.connection;

/**
 * What the client tells its host (the IDE) about the server's life and messages. Called from LSP4J and
 * process-watcher threads, never the UI thread: implementations hand over to their UI themselves.
 */
public interface ClientEvents {
    /** A server is up and initialised ({@code restart} is true when it replaced a crashed one). */
    default void serverStarted(boolean restart) {
    }

    /**
     * The server exited unexpectedly.
     *
     * @param message    for the user: exit code, the last lines it wrote to stderr, what happens next
     * @param restarting whether a new server is being started; false means the client gave up
     */
    default void serverCrashed(String message, boolean restarting) {
    }

    /** The server could not be started (no Java, no jar, initialize failed). */
    default void serverFailedToStart(String message) {
    }

    /** {@code window/showMessage}: something the server wants the user to see. */
    default void showMessage(MessageLevel level, String message) {
    }

    /** {@code window/logMessage} and the server's stderr: for the IDE log. */
    default void log(String line) {
    }

    enum MessageLevel {
        ERROR, WARNING, INFO, LOG;

        /** LSP's MessageType numbers: 1 error, 2 warning, 3 info, 4 log. */
        public static MessageLevel fromLsp(int type) {
            return switch (type) {
                case 1 -> ERROR;
                case 2 -> WARNING;
                case 3 -> INFO;
                default -> LOG;
            };
        }
    }
}
