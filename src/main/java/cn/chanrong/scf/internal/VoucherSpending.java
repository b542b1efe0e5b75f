package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.Vouchers.Part;
import cn.chanrong.scf.domain.VoucherPartStatus;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The spending discipline every voucher command follows inside its transaction: lock the voucher's row,
 * re-read the part, spend it with an update that must find it LIVE.
 */
@Component
class VoucherSpending {

    private final VoucherStore store;
    private final BusinessDate businessDate;
    private final cn.chanrong.lending.Loans loans;

    VoucherSpending(VoucherStore store, BusinessDate businessDate, cn.chanrong.lending.Loans loans) {
        this.loans = loans;
        this.store = store;
        this.businessDate = businessDate;
    }

    void lockVoucher(long voucherId) {
        store.lock(voucherId);
    }

    /**
     * Locks the part's voucher, then reads the part afresh: it must be the caller's, LIVE, and its
     * voucher not past maturity.
     */
    Part lockLive(Caller caller, long partId) {
        Long voucherId = store.voucherOf(partId).orElseThrow(() -> Rejected.notFound("voucher-part", partId));
        lockVoucher(voucherId);
        Part p = store.part(partId).orElseThrow();
        if (p.holderId() != caller.enterpriseId()) {
            throw store.visible(caller, voucherId)
                    ? Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("voucher.not-holder", "partId", partId))
                    : Rejected.notFound("voucher-part", partId);
        }
        VoucherPartStatus.of(p.status()).move(partId).orThrow();
        LocalDate today = businessDate.today();
        if (today.isAfter(p.maturity())) {
            throw Rejected.invalid(Rejection.of("voucher.matured", "partId", p.maturity(), today));
        }
        return p;
    }

    /**
     * The one update that spends a part into {@code to} (what its transition from LIVE gave): it must find
     * the part LIVE, or someone spent it first.
     */
    void spend(long partId, VoucherPartStatus to) {
        int n = store.spend(partId, to);
        if (n != 1) {
            throw spent(partId);
        }
    }

    Rejected spent(long partId) {
        String status = store.partStatus(partId).orElse("?");
        return Rejected.conflict(Rejection.of("voucher.part-spent", "partId", partId, status));
    }

    /** The ledger entry of the loan's latest transaction (the disbursement just booked, or a collection). */
    Long lastEntry(long loanId) {
        var moves = loans.transactions(Caller.system("scf"), loanId);
        return moves.isEmpty() ? null : moves.getLast().entryId();
    }
}
