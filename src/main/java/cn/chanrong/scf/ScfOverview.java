package cn.chanrong.scf;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a regulator watches in supply-chain finance: financings by key chain and kind, vouchers by
 * tier, payment-term breaches and refused double-financing attempts. A provincial regulator sees its
 * province (by the borrower's or holder's region).
 */
public interface ScfOverview {

    /** Financings of one kind (RECEIVABLE, VOUCHER, WAREHOUSE, DENUCLEATED) to borrowers of one chain ({@code NONE} untagged). */
    record ChainRow(String chain, String kind, long financings, BigDecimal principal, BigDecimal outstanding) {
    }

    /** Voucher value at one tier: still held, discounted with funders, settled. */
    record TierRow(int tier, long parts, BigDecimal held, BigDecimal discounted, BigDecimal settled) {
    }

    /** Double-financing attempts the registry refused for one institution in the last year. */
    record Blocked(long institutionId, String institutionName, long attempts) {
    }

    record Overview(List<ChainRow> byChain, List<TierRow> byTier, long paymentTermBreaches, List<Blocked> blocked,
                    long openAlerts) {
    }

    Overview overview(Caller caller);
}
