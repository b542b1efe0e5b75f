package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.Vouchers.Part;
import cn.chanrong.scf.domain.VoucherPartStatus;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The spending discipline every voucher command follows inside its transaction: lock the voucher's row,
 * re-read the part, spend it with an update that must find it LIVE; plus the new parts and events it writes.
 */
@Component
class VoucherSpending {

    private final JdbcClient jdbc;
    private final VoucherReads reads;
    private final BusinessDate businessDate;
    private final cn.chanrong.lending.Loans loans;

    VoucherSpending(JdbcClient jdbc, VoucherReads reads, BusinessDate businessDate, cn.chanrong.lending.Loans loans) {
        this.loans = loans;
        this.jdbc = jdbc;
        this.reads = reads;
        this.businessDate = businessDate;
    }

    void lockVoucher(long voucherId) {
        jdbc.sql("SELECT id FROM scf_voucher WHERE id = :root FOR UPDATE").param("root", voucherId).query(Long.class)
                .optional().orElseThrow(() -> Rejected.notFound("voucher", voucherId));
    }

    /**
     * Locks the part's voucher, then reads the part afresh: it must be the caller's, LIVE, and its
     * voucher not past maturity.
     */
    Part lockLive(Caller caller, long partId) {
        Long voucherId = jdbc.sql("SELECT voucher_id FROM scf_voucher_part WHERE id = :id").param("id", partId)
                .query(Long.class).optional().orElseThrow(() -> Rejected.notFound("voucher-part", partId));
        lockVoucher(voucherId);
        Part p = reads.part(partId).orElseThrow();
        if (p.holderId() != caller.enterpriseId()) {
            throw reads.visible(caller, voucherId)
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
        int n = jdbc.sql("UPDATE scf_voucher_part SET status = :s WHERE id = :id AND status = :live")
                .param("s", to.name()).param("id", partId).param("live", VoucherPartStatus.LIVE.name()).update();
        if (n != 1) {
            throw spent(partId);
        }
    }

    Rejected spent(long partId) {
        String status = jdbc.sql("SELECT status FROM scf_voucher_part WHERE id = :id").param("id", partId)
                .query(String.class).optional().orElse("?");
        return Rejected.conflict(Rejection.of("voucher.part-spent", "partId", partId, status));
    }

    long insertPart(long voucherId, Long parentId, int tier, long holderId, BigDecimal amount) {
        return jdbc.sql("""
                        INSERT INTO scf_voucher_part (voucher_id, parent_id, tier, holder_id, amount, status)
                        VALUES (:v, :p, :t, :h, :a, 'LIVE') RETURNING id""")
                .param("v", voucherId).param("p", parentId, java.sql.Types.BIGINT).param("t", tier).param("h", holderId)
                .param("a", amount).query(Long.class).single();
    }

    record EventRow(long voucherId, Long partId, String kind, BigDecimal amount, Long from, Long to, Long toInstitution,
                    String tradeBackground, String detail, Long loanId, Long entryId, String actor, LocalDate date) {
    }

    void event(EventRow e) {
        jdbc.sql("""
                        INSERT INTO scf_voucher_event (voucher_id, part_id, kind, amount, from_enterprise_id,
                            to_enterprise_id, to_institution_id, trade_background, detail, loan_id, entry_id, actor,
                            business_date)
                        VALUES (:v, :p, :k, :a, :f, :t, :ti, :tb, :d, :l, :en, :by, :on)""")
                .param("v", e.voucherId()).param("p", e.partId(), java.sql.Types.BIGINT).param("k", e.kind())
                .param("a", e.amount()).param("f", e.from(), java.sql.Types.BIGINT)
                .param("t", e.to(), java.sql.Types.BIGINT).param("ti", e.toInstitution(), java.sql.Types.BIGINT)
                .param("tb", e.tradeBackground(), java.sql.Types.VARCHAR).param("d", e.detail(), java.sql.Types.VARCHAR)
                .param("l", e.loanId(), java.sql.Types.BIGINT).param("en", e.entryId(), java.sql.Types.BIGINT)
                .param("by", e.actor()).param("on", e.date()).update();
    }

    /** The ledger entry of the loan's latest transaction (the disbursement just booked, or a collection). */
    Long lastEntry(long loanId) {
        var moves = loans.transactions(Caller.system("scf"), loanId);
        return moves.isEmpty() ? null : moves.getLast().entryId();
    }

    boolean enterpriseExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }
}
