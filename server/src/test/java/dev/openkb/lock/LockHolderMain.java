package dev.openkb.lock;

import dev.openkb.engine.CancelToken;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/** Child process for lock tests: takes the KB lock, prints LOCKED, holds it until a line arrives on stdin. */
public final class LockHolderMain {
    public static void main(String[] args) throws Exception {
        KbLock lock = new KbLock(Path.of(args[0]), l -> { });
        try (KbLock.Hold h = "shared".equals(args[1]) ? lock.shared(CancelToken.none()) : lock.exclusive(CancelToken.none())) {
            System.out.println("LOCKED");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
        System.out.println("RELEASED");
    }
}
