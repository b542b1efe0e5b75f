package cn.chanrong.scf.internal;

import static cn.chanrong.scf.internal.VoucherInputs.MAX_AMOUNT;
import static cn.chanrong.scf.internal.VoucherInputs.background;
import static cn.chanrong.scf.internal.VoucherInputs.rate;
import static cn.chanrong.scf.internal.VoucherInputs.requireEnterprise;
import static cn.chanrong.scf.internal.VoucherInputs.fen;
import static cn.chanrong.scf.internal.VoucherInputs.yuan;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.GuaranteeMethod;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.scf.ScfEvent;
import cn.chanrong.scf.Vouchers.DiscountRequest;
import cn.chanrong.scf.Vouchers.Discounted;
import cn.chanrong.scf.Vouchers.Part;
import cn.chanrong.scf.Vouchers.SplitRequest;
import cn.chanrong.scf.Vouchers.TransferRequest;
import cn.chanrong.scf.Vouchers.Transferred;
import cn.chanrong.scf.domain.FinanceCalculator;
import cn.chanrong.scf.domain.VoucherPartStatus;
import cn.chanrong.scf.domain.VoucherParts;
import cn.chanrong.scf.internal.VoucherStore.EventRow;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving a live voucher part: splitting it, transferring it (or a piece of it) one tier down on a trade
 * background, discounting it with a funder as a loan. Each checks its input, then runs in one transaction.
 */
@Component
class VoucherMoves {

    static final String DISCOUNT_PURPOSE = "voucher discount";

    private final TransactionTemplate tx;
    private final VoucherStore store;
    private final PartyStore parties;
    private final VoucherSpending spending;
    private final FinanceAndFile financeAndFile;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    VoucherMoves(TransactionTemplate tx, VoucherStore store, PartyStore parties, VoucherSpending spending,
                 FinanceAndFile financeAndFile, BusinessDate businessDate, AuditTrail audit) {
        this.tx = tx;
        this.store = store;
        this.parties = parties;
        this.spending = spending;
        this.financeAndFile = financeAndFile;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    // ---- split

    List<Part> split(Caller caller, long partId, SplitRequest r) {
        requireEnterprise(caller);
        List<Rejection> problems = new ArrayList<>();
        List<Long> pieces = new ArrayList<>();
        List<BigDecimal> given = r == null || r.amounts() == null ? List.of() : r.amounts();
        for (int i = 0; i < given.size(); i++) {
            BigDecimal v = Amounts.check(given.get(i), "amounts[" + i + "]", true, MAX_AMOUNT, problems);
            pieces.add(v == null ? null : fen(v));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            Part p = spending.lockLive(caller, partId);
            List<Rejection> rules = VoucherParts.split(fen(p.amount()), pieces);
            if (!rules.isEmpty()) {
                throw Rejected.invalid(rules);
            }
            List<Part> children = cut(caller, p, pieces);
            audit.record(AuditEvent.success(caller.username(), "voucher.split", "scf_voucher_part", p.id(),
                    p.voucherNumber() + " " + p.amount().toPlainString() + " into " + children.size()));
            return children;
        });
    }

    /** Spends {@code p} as SPLIT and creates its pieces at the same tier for the same holder. */
    private List<Part> cut(Caller caller, Part p, List<Long> pieces) {
        spending.spend(p.id(), VoucherPartStatus.of(p.status()).split(p.id()).orThrow());
        List<Part> children = new ArrayList<>();
        for (long piece : pieces) {
            long id = store.insertPart(p.voucherId(), p.id(), p.tier(), p.holderId(), yuan(piece));
            children.add(store.part(id).orElseThrow());
        }
        store.event(new EventRow(p.voucherId(), p.id(), "SPLIT", p.amount(), p.holderId(), p.holderId(), null, null,
                "into " + children.stream().map(c -> c.id() + ":" + c.amount().toPlainString())
                        .collect(Collectors.joining(", ")),
                null, null, caller.username(), businessDate.today()));
        return children;
    }

    // ---- transfer

    Transferred transfer(Caller caller, long partId, TransferRequest r) {
        requireEnterprise(caller);
        TransferRequest req = r == null ? new TransferRequest(null, null, null) : r;
        List<Rejection> problems = new ArrayList<>();
        Long to = req.toEnterpriseId();
        if (to == null) {
            problems.add(Rejection.of("required", "toEnterpriseId"));
        } else if (to.equals(caller.enterpriseId())) {
            problems.add(Rejection.of("voucher.transfer-self", "toEnterpriseId"));
        } else if (!parties.enterpriseExists(to)) {
            problems.add(Rejection.of("voucher.enterprise-unknown", "toEnterpriseId", to));
        }
        BigDecimal amount = req.amount() == null ? null
                : Amounts.check(req.amount(), "amount", false, MAX_AMOUNT, problems);
        String background = background(req.tradeBackground(), problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return tx.execute(s -> {
            Part p = spending.lockLive(caller, partId);
            Part source = p;
            Part remainder = null;
            if (amount != null && amount.compareTo(p.amount()) != 0) {
                if (amount.signum() <= 0 || amount.compareTo(p.amount()) > 0) {
                    throw Rejected.invalid(Rejection.of("voucher.transfer-amount", "amount", amount.toPlainString(),
                            p.amount().toPlainString()));
                }
                List<Part> halves = cut(caller, p, List.of(fen(amount), fen(p.amount()) - fen(amount)));
                source = halves.get(0);
                remainder = halves.get(1);
            }
            spending.spend(source.id(), VoucherPartStatus.of(source.status()).transfer(source.id()).orThrow());
            long child = store.insertPart(source.voucherId(), source.id(), source.tier() + 1, to, source.amount());
            store.event(new EventRow(source.voucherId(), source.id(), "TRANSFER", source.amount(), source.holderId(),
                    to, null, background, "to part " + child + " at tier " + (source.tier() + 1), null, null, caller.username(),
                    businessDate.today()));
            audit.record(AuditEvent.success(caller.username(), "voucher.transfer", "scf_voucher_part", source.id(),
                    p.voucherNumber() + " " + source.amount().toPlainString() + " to enterprise " + to + " on "
                            + background));
            return new Transferred(store.part(child).orElseThrow(), remainder);
        });
    }

    // ---- discount

    Discounted discount(Caller caller, long partId, DiscountRequest r) {
        requireEnterprise(caller);
        DiscountRequest req = r == null ? new DiscountRequest(null, null, null) : r;
        List<Rejection> problems = new ArrayList<>();
        Long funder = req.institutionId();
        String funderName = null;
        if (funder == null) {
            problems.add(Rejection.of("required", "institutionId"));
        } else {
            funderName = parties.institutionName(funder).orElse(null);
            if (funderName == null) {
                problems.add(Rejection.of("voucher.funder-unknown", "institutionId", funder));
            }
        }
        BigDecimal rate = rate(req.annualRate(), problems);
        String background = background(req.tradeBackground(), problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        String funderLabel = funderName;
        return tx.execute(s -> {
            Part p = spending.lockLive(caller, partId);
            LocalDate today = businessDate.today();
            if (!p.maturity().isAfter(today)) {
                throw Rejected.invalid(Rejection.of("voucher.discount-too-late", "partId", p.maturity()));
            }
            // the interest is on the face value; the funder lends the payout
            FinanceCalculator.Discount discount = FinanceCalculator.discount(p.amount(), rate, today, p.maturity());
            discount.refusal("annualRate").ifPresent(refused -> {
                throw Rejected.invalid(refused);
            });
            long days = discount.days();
            BigDecimal interest = discount.interest();
            BigDecimal payout = discount.payout();
            long issuer = store.voucher(p.voucherId()).orElseThrow().issuerId();
            boolean recourse = Boolean.TRUE.equals(req.recourse());
            // no filing: the platform's own record of the part is its title
            Loan loan = financeAndFile.finance(new FinanceAndFile.Financing(funder, List.of(), null, null,
                    new TradeFinance.Booking(funder, p.holderId(), issuer, null, payout, interest, rate, today,
                            p.maturity(), DISCOUNT_PURPOSE, "voucher-part:" + p.id(), p.holderName(), caller.username(),
                            GuaranteeMethod.DISCOUNTING, null),
                    null, f -> new ScfEvent.VoucherDiscounted(p.voucherId(), p.voucherNumber(), p.id(), funder,
                    p.holderId(), issuer, p.amount(), interest, payout, rate, recourse, f.loan().id(), today,
                    p.maturity()))).loan();
            VoucherPartStatus discounted = VoucherPartStatus.of(p.status()).discount(p.id()).orThrow();
            int n = store.markDiscounted(p.id(), p.status(), discounted, funder, loan.id(), rate, interest, today,
                    recourse);
            if (n != 1) {
                throw spending.spent(p.id());
            }
            store.event(new EventRow(p.voucherId(), p.id(), "DISCOUNT", p.amount(), p.holderId(), null, funder,
                    background, "loan " + loan.number() + ": payout " + payout.toPlainString() + ", interest "
                            + interest.toPlainString() + " at " + rate.toPlainString() + "% for " + days + " days, "
                            + (recourse ? "with recourse to the holder" : "without recourse"),
                    loan.id(), spending.lastEntry(loan.id()), caller.username(), today));
            audit.record(AuditEvent.success(caller.username(), "voucher.discount", "scf_voucher_part", p.id(),
                    p.voucherNumber() + " " + p.amount().toPlainString() + " with " + funderLabel + " as loan "
                            + loan.number()));
            return new Discounted(store.part(p.id()).orElseThrow(), loan.id(), loan.number(), payout, interest, days);
        });
    }
}
