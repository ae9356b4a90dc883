package dev.openkb.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * What the CLI's standard output is: a terminal (so the redrawing bar and its escapes may be used),
 * how wide it is, and which charset it encodes to (so {@code →} can fall back to {@code ->}).
 * Detected once per process by {@link #detect}; tests that pass their own writers use {@link #PLAIN}.
 *
 * <p>Why isatty(1) and not {@code System.console() != null}: on JDK 22+ {@code System.console()}
 * is no longer null when output is piped, so it would put escapes into logs. isatty goes through
 * JNA, which the KB lock already uses; if libc cannot be loaded the console check stands in for it
 * ({@code Console.isTerminal()} by reflection on 22+).
 */
record Terminal(boolean interactive, int columns, Charset charset) {
    /** Not a terminal, 80 columns, UTF-8: for writers that are not the process's stdout. */
    static final Terminal PLAIN = new Terminal(false, 80, java.nio.charset.StandardCharsets.UTF_8);
    static final int DEFAULT_COLUMNS = 80;
    private static final int STDOUT = 1;

    /** Linux x86/arm and friends vs BSD/macOS and the Linux ports that use the BSD numbering. */
    private static final long TIOCGWINSZ = Platform.isMac() || Platform.isFreeBSD() || Platform.isOpenBSD()
            || Platform.ARCH.startsWith("ppc") || Platform.ARCH.startsWith("mips") || Platform.ARCH.startsWith("sparc")
            ? 0x40087468L : 0x5413L;

    interface CLib extends Library {
        int isatty(int fd);

        int ioctl(int fd, long request, WinSize size);
    }

    /** struct winsize from ioctl(2) TIOCGWINSZ. */
    @Structure.FieldOrder({"ws_row", "ws_col", "ws_xpixel", "ws_ypixel"})
    public static final class WinSize extends Structure {
        public short ws_row;
        public short ws_col;
        public short ws_xpixel;
        public short ws_ypixel;
    }

    /** The process's stdout as it is now; {@code env} supplies COLUMNS. */
    static Terminal detect(Map<String, String> env) {
        CLib libc = libc();
        boolean tty = libc != null ? libc.isatty(STDOUT) == 1 : consoleIsTerminal();
        return new Terminal(tty, tty ? columns(env, libc) : DEFAULT_COLUMNS, stdoutCharset(System.out));
    }

    /** True when the process's stdin is a terminal (a person typing), false for a pipe or a file. */
    static boolean stdinIsTerminal() {
        CLib libc = libc();
        return libc != null ? libc.isatty(0) == 1 : System.console() != null;
    }

    /** COLUMNS if it is a positive number, else the terminal's own width, else 80. */
    static int columns(Map<String, String> env, CLib libc) {
        String c = env.get("COLUMNS");
        if (c != null) {
            try {
                int n = Integer.parseInt(c.trim());
                if (n > 0 && n < 10_000) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // fall through to the terminal's own size
            }
        }
        if (libc != null) {
            try {
                WinSize ws = new WinSize();
                if (libc.ioctl(STDOUT, TIOCGWINSZ, ws) == 0 && ws.ws_col > 0) {
                    return ws.ws_col;
                }
            } catch (RuntimeException | UnsatisfiedLinkError noIoctl) {
                // not a Unix terminal: the default below
            }
        }
        return DEFAULT_COLUMNS;
    }

    /** Whether {@code s} can be printed as is (else the caller uses its ASCII form). */
    boolean canEncode(CharSequence s) {
        return charset.newEncoder().canEncode(s);
    }

    /**
     * The charset System.out encodes to: {@code PrintStream.charset()} on JDK 18+ (by reflection, as
     * the source level is 17), else {@code sun.stdout.encoding} (set when stdout is a console), else
     * the default charset, which on 17 follows the locale (ASCII under LANG=C).
     */
    static Charset stdoutCharset(PrintStream out) {
        try {
            return (Charset) PrintStream.class.getMethod("charset").invoke(out);
        } catch (ReflectiveOperationException | RuntimeException before18) {
            String name = System.getProperty("sun.stdout.encoding");
            try {
                return name != null ? Charset.forName(name) : Charset.defaultCharset();
            } catch (RuntimeException unknown) {
                return Charset.defaultCharset();
            }
        }
    }

    private static CLib libc() {
        try {
            return Platform.isWindows() ? null : Native.load("c", CLib.class);
        } catch (RuntimeException | UnsatisfiedLinkError noLibc) {
            return null;
        }
    }

    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException before22) {
            return true; // before JDK 22 a console exists only when both ends are a terminal
        }
    }
}
