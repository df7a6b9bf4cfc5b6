package org.secflow.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A hand-written {@link Clock} a test moves on by hand, for behaviour that depends on the host clock (e.g. an
 * emulated battery that is low in some periods). Thread-safe; UTC.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** A clock standing at {@code start}. */
    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock on by {@code step}; returns this. */
    public synchronized MutableClock advance(Duration step) {
        now = now.plus(step);
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same clock: a test clock has one zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
