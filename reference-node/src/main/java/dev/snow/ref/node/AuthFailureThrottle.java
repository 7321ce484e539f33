package dev.snow.ref.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-source accounting of failed cookie proofs (LIM-6), with exponential back-off. Sans-IO:
 * every call takes {@code now}; the throttle never reads a clock.
 * <pre>
 *   failures 1 .. threshold-1     nothing happens
 *   failure  threshold + k        source refused until now + min(max, backoff * 2^k)
 *   authenticated                 source forgotten
 *   max_backoff without failure   source forgotten
 * </pre>
 */
final class AuthFailureThrottle {
    private final AuthThrottleSettings settings;
    /** Source to its record, least recently seen (failed or refused) first. */
    private final LinkedHashMap<String, Record> sources;

    private static final class Record {
        int failures;
        long lastFailure;
        long refusedUntil;
    }

    AuthFailureThrottle(AuthThrottleSettings settings) {
        this.settings = settings;
        this.sources = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
                return size() > settings.maxSources();
            }
        };
    }

    /** The instant until which {@code source} is refused, or 0 when it may connect at {@code now}. */
    long refusedUntil(String source, long now) {
        if (!settings.enabled() || source == null) {
            return 0;
        }
        Record r = sources.get(source);
        if (r == null) {
            return 0;
        }
        if (now - r.lastFailure >= settings.maxBackoffNanos() && now - r.refusedUntil >= 0) {
            sources.remove(source);
            return 0;
        }
        return now - r.refusedUntil < 0 ? r.refusedUntil : 0;
    }

    /** A connection from {@code source} failed to prove the cookie at {@code now}. */
    void failed(String source, long now) {
        if (!settings.enabled() || source == null) {
            return;
        }
        refusedUntil(source, now); // forgets a stale record first
        Record r = sources.computeIfAbsent(source, k -> new Record());
        r.failures++;
        r.lastFailure = now;
        int over = r.failures - settings.threshold();
        if (over >= 0) {
            long backoff = settings.backoffNanos();
            for (int i = 0; i < over && backoff < settings.maxBackoffNanos(); i++) {
                backoff *= 2;
            }
            r.refusedUntil = now + Math.min(backoff, settings.maxBackoffNanos());
        }
    }

    /** {@code source} proved the cookie: its failures are forgiven. */
    void authenticated(String source) {
        if (source != null) {
            sources.remove(source);
        }
    }

    /** Failures counted for {@code source} (tests). */
    int failures(String source) {
        Record r = sources.get(source);
        return r == null ? 0 : r.failures;
    }

    int trackedSources() {
        return sources.size();
    }
}
