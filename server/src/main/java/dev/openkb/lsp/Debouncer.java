package dev.openkb.lsp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task for a key once the key has been quiet for a delay: scheduling again before the task
 * ran replaces it. The task runs on the timer thread and should only hand work on.
 *
 * <p>Threading: any thread may schedule; {@code pending} is a concurrent map of the not-yet-run
 * task per key.
 */
final class Debouncer {
    private final ScheduledExecutorService timer;
    private final Map<Object, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    Debouncer(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    void schedule(Object key, Duration delay, Runnable task) {
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        pending.compute(key, (k, old) -> {
            if (old != null) {
                old.cancel(false);
            }
            ScheduledFuture<?> f = timer.schedule(() -> {
                pending.remove(k, self.get());
                task.run();
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
            self.set(f);
            return f;
        });
    }
}
