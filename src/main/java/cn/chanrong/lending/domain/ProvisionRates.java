package cn.chanrong.lending.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The loan-loss provision rate of each tier, as one institution has configured it on a date (effective-dated
 * data, FACTS §8). {@link #DEFAULTS} are the 2002 guideline's proxies for expected loss (银行贷款损失准备
 * 计提指引): 正常 1 %, 关注 2 %, 次级 25 %, 可疑 50 %, 损失 100 %; an institution that configured none uses
 * them, and one that configured only some tiers uses them for the rest.
 */
public record ProvisionRates(Map<Tier, BigDecimal> rates) {

    public static final ProvisionRates DEFAULTS = new ProvisionRates(Map.of(Tier.NORMAL, new BigDecimal("0.01"),
            Tier.SPECIAL_MENTION, new BigDecimal("0.02"), Tier.SUBSTANDARD, new BigDecimal("0.25"),
            Tier.DOUBTFUL, new BigDecimal("0.50"), Tier.LOSS, new BigDecimal("1.00")));

    public ProvisionRates {
        EnumMap<Tier, BigDecimal> all = new EnumMap<>(Tier.class);
        all.putAll(rates);
        for (Tier t : Tier.values()) {
            BigDecimal r = all.get(t);
            if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("provision rate of " + t + " must be within 0 and 1: " + r);
            }
        }
        rates = Map.copyOf(all);
    }

    /** {@code overrides} over the defaults: the tiers an institution configured, the guideline's for the rest. */
    public static ProvisionRates over(Map<Tier, BigDecimal> overrides) {
        EnumMap<Tier, BigDecimal> all = new EnumMap<>(DEFAULTS.rates());
        all.putAll(overrides);
        return new ProvisionRates(all);
    }

    public BigDecimal rate(Tier tier) {
        return rates.get(tier);
    }

    /** The provision a balance in {@code tier} needs: the tier's rate of it, in fen (half up). */
    public BigDecimal provision(Tier tier, BigDecimal principal) {
        return principal.multiply(rate(tier)).setScale(2, RoundingMode.HALF_UP);
    }
}
