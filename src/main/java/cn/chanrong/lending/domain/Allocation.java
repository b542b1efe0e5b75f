package cn.chanrong.lending.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a repayment is split over what is owed, in a named order. The default is the usual Chinese
 * corporate order: penalty first, then overdue interest, overdue principal, current interest, current
 * principal.
 */
public final class Allocation {

    public enum Bucket { PENALTY, OVERDUE_INTEREST, OVERDUE_PRINCIPAL, CURRENT_INTEREST, CURRENT_PRINCIPAL }

    public static final List<Bucket> DEFAULT_ORDER = List.of(Bucket.PENALTY, Bucket.OVERDUE_INTEREST,
            Bucket.OVERDUE_PRINCIPAL, Bucket.CURRENT_INTEREST, Bucket.CURRENT_PRINCIPAL);

    /** The parts per bucket, and what was left over because nothing more was owed. */
    public record Split(Map<Bucket, BigDecimal> parts, BigDecimal unallocated) {
        public BigDecimal part(Bucket b) {
            return parts.getOrDefault(b, BigDecimal.ZERO.setScale(2));
        }

        public BigDecimal principal() {
            return part(Bucket.OVERDUE_PRINCIPAL).add(part(Bucket.CURRENT_PRINCIPAL));
        }

        public BigDecimal interest() {
            return part(Bucket.OVERDUE_INTEREST).add(part(Bucket.CURRENT_INTEREST));
        }
    }

    private Allocation() {
    }

    /** What is owed on {@code date}: installments due before it are overdue, those due on it current. */
    public static Map<Bucket, BigDecimal> owed(BigDecimal penalty, List<Installment> schedule, java.time.LocalDate date) {
        Map<Bucket, BigDecimal> owed = new EnumMap<>(Bucket.class);
        owed.put(Bucket.PENALTY, penalty);
        for (Installment i : schedule) {
            if (i.due().isBefore(date)) {
                owed.merge(Bucket.OVERDUE_INTEREST, i.unpaidInterest(), BigDecimal::add);
                owed.merge(Bucket.OVERDUE_PRINCIPAL, i.unpaidPrincipal(), BigDecimal::add);
            } else if (i.due().equals(date)) {
                owed.merge(Bucket.CURRENT_INTEREST, i.unpaidInterest(), BigDecimal::add);
                owed.merge(Bucket.CURRENT_PRINCIPAL, i.unpaidPrincipal(), BigDecimal::add);
            }
        }
        return owed;
    }

    public static Split allocate(BigDecimal amount, Map<Bucket, BigDecimal> owed, List<Bucket> order) {
        if (order.size() != Bucket.values().length || order.stream().distinct().count() != order.size()) {
            throw new IllegalArgumentException("an allocation order names every bucket once: " + order);
        }
        Map<Bucket, BigDecimal> parts = new EnumMap<>(Bucket.class);
        BigDecimal left = amount;
        for (Bucket b : order) {
            BigDecimal take = left.min(owed.getOrDefault(b, BigDecimal.ZERO)).max(BigDecimal.ZERO);
            parts.put(b, take.setScale(2));
            left = left.subtract(take);
        }
        return new Split(parts, left);
    }
}
