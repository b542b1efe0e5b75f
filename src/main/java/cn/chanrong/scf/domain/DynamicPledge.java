package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Dynamic pledge (动态质押) of stock in a supervised warehouse: the pledgor may take goods out and
 * put goods in as long as the pledged stock stays worth at least the minimum value (最低价值控制线)
 * the funder set. The warehouse asks before every outbound; near the minimum it still lets goods
 * out but warns the funder.
 * <p>
 * {@code alertValue} is the value at or below which an allowed outbound raises an alert; it is at
 * least the minimum. Codes: {@code pledge.outbound-amount} (outboundValue): value — must be positive;
 * {@code pledge.below-minimum} (outboundValue): value after, minimum, the most that may go out.
 */
public record DynamicPledge(BigDecimal minimumValue, BigDecimal alertValue) {

    public DynamicPledge {
        Objects.requireNonNull(minimumValue, "minimumValue");
        Objects.requireNonNull(alertValue, "alertValue");
        if (minimumValue.signum() < 0 || alertValue.compareTo(minimumValue) < 0) {
            throw new IllegalArgumentException("need 0 <= minimum <= alert value");
        }
    }

    /** What the warehouse may do with an outbound request. */
    public sealed interface Decision permits Allowed, Alert, Refused {
    }

    /** Goods may go out; the stock stays comfortably above the minimum. */
    public record Allowed(BigDecimal valueAfter) implements Decision {
    }

    /** Goods may go out, but the stock is now at or below the alert value. */
    public record Alert(BigDecimal valueAfter, BigDecimal headroom) implements Decision {
    }

    /** Goods may not go out. */
    public record Refused(Rejection rejection) implements Decision {
    }

    /** Decides an outbound of goods worth {@code outboundValue} from stock worth {@code stockValue}. */
    public Decision outbound(BigDecimal stockValue, BigDecimal outboundValue) {
        if (outboundValue == null || outboundValue.signum() <= 0) {
            return new Refused(Rejection.of("pledge.outbound-amount", "outboundValue", String.valueOf(outboundValue)));
        }
        BigDecimal after = stockValue.subtract(outboundValue);
        if (after.compareTo(minimumValue) < 0) {
            BigDecimal most = stockValue.subtract(minimumValue).max(BigDecimal.ZERO);
            return new Refused(Rejection.of("pledge.below-minimum", "outboundValue", after, minimumValue, most));
        }
        if (after.compareTo(alertValue) <= 0) {
            return new Alert(after, after.subtract(minimumValue));
        }
        return new Allowed(after);
    }
}
