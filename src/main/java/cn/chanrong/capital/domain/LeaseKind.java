package cn.chanrong.capital.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A direct lease (直租: the lessor buys the equipment from its maker for the lessee) or a sale and leaseback (售后回租: the
 * lessee sells equipment it owns to the lessor and leases it back).
 */
public enum LeaseKind {
    DIRECT, SALE_LEASEBACK;

    public static Optional<LeaseKind> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
