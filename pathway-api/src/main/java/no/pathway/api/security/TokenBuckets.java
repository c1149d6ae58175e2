package no.pathway.api.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per key: {@code perSecond} tokens a second, at most {@code burst}. In memory, per instance. */
final class TokenBuckets {
    private static final int MAX_KEYS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes a token for {@code key}; false when there is none. */
    boolean take(String key) {
        return bucket(key).take(perSecond, burst, clock.millis(), true);
    }

    /** Whether {@code key} has a token left, without taking it. */
    boolean has(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null || bucket.take(perSecond, burst, clock.millis(), false);
    }

    private Bucket bucket(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()));
    }

    /** Tokens refill continuously at perSecond up to burst. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** A clock stepping back (NTP) neither refills nor drains. */
        synchronized boolean take(double perSecond, int burst, long now, boolean take) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * perSecond / 1000.0);
                last = now;
            }
            if (tokens < 1) {
                return false;
            }
            if (take) {
                tokens -= 1;
            }
            return true;
        }
    }
}
