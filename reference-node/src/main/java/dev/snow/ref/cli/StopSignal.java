package dev.snow.ref.cli;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * What makes a running node stop: SIGINT or SIGTERM for the real process, a latch in tests.
 * On a second signal the process halts at once (exit status 130).
 */
interface StopSignal {
    /** Blocks until a stop is requested. */
    void await() throws InterruptedException;

    /** A stop triggered by hand (tests). */
    final class Manual implements StopSignal {
        private final CountDownLatch latch = new CountDownLatch(1);

        void trigger() {
            latch.countDown();
        }

        @Override
        public void await() throws InterruptedException {
            latch.await();
        }
    }

    /**
     * SIGINT and SIGTERM through {@code sun.misc.Signal} (reached by reflection: it is a
     * supported but unexported-at-compile-time API), so that a signal leads to an orderly stop
     * and exit status 0 rather than the JVM's 130/143.
     */
    static StopSignal osSignals() {
        Manual stop = new Manual();
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, (p, m, args) -> {
                if (m.getName().equals("handle")) {
                    if (stop.latch.getCount() == 0) {
                        Runtime.getRuntime().halt(130);
                    }
                    stop.trigger();
                }
                return null;
            });
            for (String name : new String[] {"INT", "TERM"}) {
                Object sig = signal.getConstructor(String.class).newInstance(name);
                signal.getMethod("handle", signal, handler).invoke(null, sig, proxy);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // no signal API here (or signals reserved with -Xrs): the JVM's default exit applies
            System.err.println("snow-node: cannot catch SIGINT/SIGTERM (" + e + "); a signal will end the process abruptly");
        }
        return stop;
    }
}
