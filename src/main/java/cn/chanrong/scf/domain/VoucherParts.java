package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splitting a part of an e-voucher (应收账款电子凭证) into pieces a holder can transfer or discount
 * separately. Amounts are whole fen as {@code long}. A split must conserve value to the fen: the
 * voucher is irrevocable and unalterable, so the pieces together are exactly the part, no more and
 * no less.
 * <p>
 * Codes: {@code voucher.split-count} (pieces): at least 2, actual — a one-piece split is a no-op;
 * {@code voucher.split-min} (pieces[i]): index, value — every piece at least 1 fen;
 * {@code voucher.split-sum} (pieces): sum of the pieces, the part's amount.
 */
public final class VoucherParts {

    /** The smallest piece, one fen. */
    public static final long MIN_PIECE_FEN = 1;

    private VoucherParts() {
    }

    /** Why {@code pieces} is not a split of a part worth {@code partAmountFen}; empty when it is. */
    public static List<Rejection> split(long partAmountFen, List<Long> pieces) {
        List<Rejection> out = new ArrayList<>();
        int count = pieces == null ? 0 : pieces.size();
        if (count < 2) {
            out.add(Rejection.of("voucher.split-count", "pieces", 2, count));
        }
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < count; i++) {
            Long piece = pieces.get(i);
            if (piece == null || piece < MIN_PIECE_FEN) {
                out.add(Rejection.of("voucher.split-min", "pieces[" + i + "]", i, piece == null ? "null" : piece));
                continue;
            }
            sum = sum.add(BigInteger.valueOf(piece));
        }
        if (out.isEmpty() && !sum.equals(BigInteger.valueOf(partAmountFen))) {
            // Summed exactly, so pieces beyond a long can neither wrap nor saturate into a match.
            Object reported = sum.bitLength() < Long.SIZE ? (Object) sum.longValue() : sum;
            out.add(Rejection.of("voucher.split-sum", "pieces", reported, partAmountFen));
        }
        return List.copyOf(out);
    }
}
