package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading what people type for e-vouchers: dates, trade backgrounds, discount rates; who may act on them; yuan and fen. */
final class VoucherInputs {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final BigDecimal MAX_RATE = new BigDecimal("36");
    static final int MAX_BACKGROUND = 200;

    private VoucherInputs() {
    }

    static void requireEnterprise(Caller caller) {
        if (!enterpriseRole(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.enterprise-only", null));
        }
    }

    static LocalDate date(String raw, String field, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", field, raw));
            return null;
        }
    }

    /** The trade background a transfer or discount rests on: the contract or invoice between the parties. */
    static String background(String raw, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("voucher.trade-background-required", "tradeBackground"));
            return null;
        }
        String v = raw.strip();
        if (v.length() > MAX_BACKGROUND) {
            problems.add(Rejection.of("voucher.trade-background-long", "tradeBackground", MAX_BACKGROUND));
            return null;
        }
        return v;
    }

    static BigDecimal rate(String raw, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("required", "annualRate"));
            return null;
        }
        try {
            BigDecimal v = cn.chanrong.shared.Amounts.plain(raw);
            if (v.signum() <= 0 || v.compareTo(MAX_RATE) >= 0 || v.stripTrailingZeros().scale() > 4) {
                problems.add(Rejection.of("voucher.rate-range", "annualRate", raw, MAX_RATE));
                return null;
            }
            return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
        } catch (NumberFormatException e) {
            problems.add(Rejection.of("amount.format", "annualRate", raw));
            return null;
        }
    }

    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static boolean enterpriseRole(Caller c) {
        return c.is(Role.ENTERPRISE) && c.enterpriseId() != null;
    }
}
