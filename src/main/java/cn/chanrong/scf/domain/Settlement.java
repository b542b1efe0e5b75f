package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Settlement of an e-voucher at maturity: the issuer pays once and the platform pays each
 * outstanding part to whoever holds it now — the holder, or the funder who discounted it. Transfer
 * is without recourse, so when the issuer pays short the loss is shared by the current parts
 * pro rata to their amounts, never pushed back up the chain.
 * <p>
 * Pro rata is computed to the fen with the largest-remainder method: each part first gets the
 * floor of {@code paid × amount / face}, then the fen left over go one each to the parts with the
 * largest remainders (ties to the earlier part in the list), so payments sum exactly to what the
 * issuer paid and shortfalls exactly to the gap.
 * <p>
 * Codes: {@code settlement.no-parts}; {@code settlement.part-amount} (parts[i].amountFen): id, amount;
 * {@code settlement.paid-negative} (issuerPaidFen): paid; {@code settlement.overpaid}
 * (issuerPaidFen): paid, face — the excess is not the holders' to keep and goes back to the issuer
 * outside this plan.
 */
public final class Settlement {

    private Settlement() {
    }

    /** An outstanding part at maturity; {@code funderName} is null unless it was discounted. */
    public record LivePart(String partId, String holderName, long amountFen, String funderName) {
        public boolean discounted() {
            return funderName != null;
        }
    }

    /** What one part receives: the payee, its due, what is paid and what is missing. */
    public record Line(String partId, String payee, boolean toFunder, long dueFen, long paidFen, long shortfallFen) {
    }

    /** The payments, or no lines and the rejections that kept the plan from being made. */
    public record Plan(List<Line> lines, long faceFen, long paidFen, List<Rejection> rejections) {
        public Plan {
            lines = List.copyOf(lines);
            rejections = List.copyOf(rejections);
        }

        public long shortfallFen() {
            return faceFen - paidFen;
        }
    }

    /** Splits what the issuer paid among the outstanding parts. */
    public static Plan plan(long issuerPaidFen, List<LivePart> parts) {
        List<Rejection> out = new ArrayList<>();
        if (parts.isEmpty()) {
            out.add(Rejection.of("settlement.no-parts", "parts"));
        }
        long face = 0;
        for (int i = 0; i < parts.size(); i++) {
            LivePart p = parts.get(i);
            if (p.amountFen() < 1) {
                out.add(Rejection.of("settlement.part-amount", "parts[" + i + "].amountFen", p.partId(), p.amountFen()));
            } else {
                face = Math.addExact(face, p.amountFen());
            }
        }
        if (issuerPaidFen < 0) {
            out.add(Rejection.of("settlement.paid-negative", "issuerPaidFen", issuerPaidFen));
        } else if (out.isEmpty() && issuerPaidFen > face) {
            out.add(Rejection.of("settlement.overpaid", "issuerPaidFen", issuerPaidFen, face));
        }
        if (!out.isEmpty()) {
            return new Plan(List.of(), face, issuerPaidFen, out);
        }
        long[] paid = share(issuerPaidFen, face, parts);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            LivePart p = parts.get(i);
            lines.add(new Line(p.partId(), p.discounted() ? p.funderName() : p.holderName(), p.discounted(),
                    p.amountFen(), paid[i], p.amountFen() - paid[i]));
        }
        return new Plan(lines, face, issuerPaidFen, List.of());
    }

    private static long[] share(long paidFen, long face, List<LivePart> parts) {
        int n = parts.size();
        long[] paid = new long[n];
        long[] remainder = new long[n];
        BigInteger total = BigInteger.valueOf(face);
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = BigInteger.valueOf(paidFen).multiply(BigInteger.valueOf(parts.get(i).amountFen()))
                    .divideAndRemainder(total);
            paid[i] = qr[0].longValueExact();
            remainder[i] = qr[1].longValueExact();
            given += paid[i];
        }
        long left = paidFen - given;
        List<Integer> order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> remainder[i]).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            paid[order.get(k)]++;
        }
        return paid;
    }
}
