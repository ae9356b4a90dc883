package dev.openkb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI command run in-process through {@link Main#run}: its exit code and everything it printed. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
