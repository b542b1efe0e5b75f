package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RoundTripDetector} found in a list of flows.
 *
 * @param roundTrips           matched out-and-back pairs
 * @param relatedPartyInflows  inflows from own or related accounts that no outflow explains: still not revenue
 * @param grossInflow          sum of all inflows, scale 2
 * @param grossOutflow         sum of all outflows as a positive figure, scale 2
 */
public record RoundTripReport(List<RoundTrip> roundTrips, List<Flow> relatedPartyInflows,
                              BigDecimal grossInflow, BigDecimal grossOutflow) {

    public RoundTripReport {
        roundTrips = List.copyOf(Objects.requireNonNull(roundTrips, "roundTrips"));
        relatedPartyInflows = List.copyOf(Objects.requireNonNull(relatedPartyInflows, "relatedPartyInflows"));
        grossInflow = Money.scale(Objects.requireNonNull(grossInflow, "grossInflow"));
        grossOutflow = Money.scale(Objects.requireNonNull(grossOutflow, "grossOutflow"));
    }

    /** Gross inflow minus the inflow legs of round trips. */
    public BigDecimal nettedInflow() {
        return grossInflow.subtract(roundTrips.stream().map(r -> r.in().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Gross outflow minus the outflow legs of round trips, as a positive figure. */
    public BigDecimal nettedOutflow() {
        return grossOutflow.add(roundTrips.stream().map(r -> r.out().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Netted inflow further stripped of unexplained related-party inflows: what could be revenue. */
    public BigDecimal inflowExcludingRelatedParties() {
        return nettedInflow().subtract(relatedPartyInflows.stream().map(Flow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
