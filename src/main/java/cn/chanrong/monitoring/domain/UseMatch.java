package cn.chanrong.monitoring.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-paid loan's reported uses against the payments its bank saw (issue 18 §5). A use matches a payment out
 * of the borrower's account of the same amount, no more than {@link #DAYS} days from the day the borrower says
 * it paid, to the same payee — the same account when both name one (digits compared), else the same name
 * (compared after NFKC, without spaces, so full- and half-width brackets agree). Uses are matched in the order
 * given, each to the nearest day, then the earliest payment; a payment backs one use only.
 *
 * <p>Amounts in fen. Pure.
 */
public final class UseMatch {

    /** How far the day a payment was booked may be from the day the borrower says it paid. */
    public static final int DAYS = 3;

    private UseMatch() {
    }

    /** A use as the borrower reported it. */
    public record Claim(long id, String payeeName, String payeeAccount, long amount, LocalDate paidOn) {
    }

    /** A payment out the bank reported on the borrower's account. */
    public record Paid(long id, String counterpartyName, String counterpartyAccount, long amount, LocalDate valueDate) {
    }

    /** Claim id to payment id, for the claims that match; payments in {@code taken} back other uses already. */
    public static Map<Long, Long> match(List<Claim> claims, List<Paid> payments, Set<Long> taken) {
        Set<Long> used = new HashSet<>(taken);
        Map<Long, Long> matched = new LinkedHashMap<>();
        for (Claim c : claims) {
            payments.stream()
                    .filter(p -> !used.contains(p.id()) && p.amount() == c.amount()
                            && Math.abs(ChronoUnit.DAYS.between(c.paidOn(), p.valueDate())) <= DAYS && samePayee(c, p))
                    .min(Comparator.comparingLong((Paid p) -> Math.abs(ChronoUnit.DAYS.between(c.paidOn(), p.valueDate())))
                            .thenComparingLong(Paid::id))
                    .ifPresent(p -> {
                        used.add(p.id());
                        matched.put(c.id(), p.id());
                    });
        }
        return matched;
    }

    static boolean samePayee(Claim c, Paid p) {
        if (c.payeeAccount() != null && p.counterpartyAccount() != null) {
            return digits(c.payeeAccount()).equals(digits(p.counterpartyAccount()));
        }
        return c.payeeName() != null && p.counterpartyName() != null && name(c.payeeName()).equals(name(p.counterpartyName()));
    }

    static String name(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9A-Za-z]", "");
    }

    /**
     * Whether a use goes to the officer's sample of documents: every use of at least a tenth of the principal,
     * and one in five of the rest chosen by the document number (the same answer each time it is asked).
     */
    public static boolean sampled(String documentNumber, long amount, long principal) {
        if (amount * 10 >= principal) {
            return true;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(documentNumber.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }
}
