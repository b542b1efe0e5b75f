package cn.chanrong.cashflow.domain;

import java.util.Objects;

/** Money that left for an own or related account and came back (in either order); see {@link RoundTripDetector}. */
public record RoundTrip(Flow out, Flow in) {

    public RoundTrip {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(in, "in");
        if (!out.isOutflow() || !in.isInflow()) {
            throw new IllegalArgumentException("a round trip pairs an outflow with an inflow");
        }
    }
}
