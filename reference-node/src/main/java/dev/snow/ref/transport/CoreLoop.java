package dev.snow.ref.transport;

import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.node.Transmit;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single funnel into one {@link NodeCore}: every command and transport input runs as a task
 * on ONE serial executor, and after each task the core's outputs are drained:
 * <ol>
 *   <li>events go to the {@link NodeListener} (with the peer's socket address);</li>
 *   <li>{@code Transmit.Send} is written to the connection's channel, {@code Transmit.Close}
 *       closes it, in the order the core gave them;</li>
 *   <li>the one timer is re-armed to {@link NodeCore#pollTimeout()}.</li>
 * </ol>
 * Fields are touched on the core thread only, so none of them needs a lock.
 */
final class CoreLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CoreLoop.class);

    private final NodeCore core;
    private final EventExecutor executor;
    private final MonotonicClock clock;
    private final NodeListener listener;
    private final Map<Long, Link> links = new HashMap<>();
    private final List<Long> closedByTransport = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private long timerDeadline = Long.MAX_VALUE;
    private boolean timersStopped;
    /** Runs after every drain; nothing for the real node (a mutant's seam, {@link #afterEachDrain}). */
    private Runnable afterDrain = () -> { };

    CoreLoop(NodeCore core, EventExecutor executor, MonotonicClock clock, NodeListener listener) {
        this.core = core;
        this.executor = executor;
        this.clock = clock;
        this.listener = listener;
    }

    long now() {
        return clock.now();
    }

    /** Runs {@code action} on the core thread, then drains. Dropped once the node has stopped. */
    void execute(Consumer<NodeCore> action) {
        try {
            executor.execute(() -> run(action));
        } catch (RejectedExecutionException e) {
            LOG.debug("node stopped; a late transport input was dropped");
        }
    }

    /** Like {@link #execute}, with the result; completes after the events it caused were delivered. */
    <T> CompletableFuture<T> call(Function<NodeCore, T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    T value = action.apply(core);
                    drain();
                    result.complete(value);
                } catch (RuntimeException | Error e) {
                    drain();
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the node has stopped", e));
        }
        return result;
    }

    // ------------------------------------------------------------ links (core thread only)

    void register(Link link) {
        links.put(link.id(), link);
    }

    /** Forgets {@code id} once the events of the current task (which may name it) are delivered. */
    void unregisterAfterDrain(long id) {
        closedByTransport.add(id);
    }

    int linkCount() {
        return links.size();
    }

    /** After shutdown: no more timers. */
    void stopTimers() {
        timersStopped = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    // ------------------------------------------------------------ internals

    private void run(Consumer<NodeCore> action) {
        try {
            action.accept(core);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure in the protocol core; the node goes on", e);
        } finally {
            drain();
        }
    }

    private void drain() {
        for (NodeEvent e = core.pollEvent(); e != null; e = core.pollEvent()) {
            Link link = links.get(e.connection());
            try {
                listener.onEvent(e, link == null ? null : link.remote());
            } catch (RuntimeException ex) {
                LOG.error("event listener failed on {}", e.getClass().getSimpleName(), ex);
            }
        }
        for (Transmit t = core.pollTransmit(); t != null; t = core.pollTransmit()) {
            if (t instanceof Transmit.Send send) {
                Link link = links.get(send.connection());
                if (link != null) {
                    link.write(send.bytes());
                }
            } else {
                Link link = links.remove(t.connection());
                if (link != null) {
                    link.close();
                }
            }
        }
        for (Long id : closedByTransport) {
            links.remove(id);
        }
        closedByTransport.clear();
        rearm();
        afterDrain.run();
    }

    /** Sets what runs after every drain, on the core thread (a conformance mutant's transport defect, LIM-3). */
    void afterEachDrain(Runnable r) {
        afterDrain = r;
    }

    private void rearm() {
        long deadline = core.pollTimeout();
        if (deadline == timerDeadline || timersStopped) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerDeadline = deadline;
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        long delay = Math.max(0, deadline - clock.now());
        try {
            timer = executor.schedule(this::onTimer, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("node stopped; timer not armed");
        }
    }

    private void onTimer() {
        timer = null;
        timerDeadline = Long.MAX_VALUE;
        run(c -> c.handleTimeout(clock.now()));
    }
}
