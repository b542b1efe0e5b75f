package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.GuaranteeMethod;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.scf.ScfEvent;
import cn.chanrong.scf.WarehouseReceipts.Pledge;
import cn.chanrong.scf.WarehouseReceipts.PledgeRequest;
import cn.chanrong.scf.WarehouseReceipts.Receipt;
import cn.chanrong.scf.WarehouseReceipts.Warehouse;
import cn.chanrong.scf.domain.FinanceCalculator;
import cn.chanrong.scf.domain.Ltv;
import cn.chanrong.scf.domain.ReceiptStatus;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Wording;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Pledging a receipt to a funder (registry filing and loan booking) and releasing it on request. Runs in
 * the transaction {@link WarehouseService} starts, so a refusal anywhere leaves nothing behind.
 */
@Component
class WarehousePledges {

    private static final Wording WORDS = Wording.of("scf");

    static final Set<String> MODES = Set.of("STATIC", "DYNAMIC");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");
    static final BigDecimal MAX_RATE = new BigDecimal("36");
    /** A pledge needs a price no older than this. */
    static final int PRICE_MAX_AGE_DAYS = 10;
    static final int MAX_TERM_MONTHS = 12;
    static final int DEFAULT_CURE_DAYS = 5;

    private final WarehouseReceiptStore receipts;
    private final WarehouseStore warehouses;
    private final ReceiptPledgeStore pledges;
    private final PartyStore parties;
    private final CollateralRegistry registry;
    private final TradeFinance tradeFinance;
    private final FinanceAndFile financeAndFile;
    private final PriceStore prices;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    WarehousePledges(WarehouseReceiptStore receipts, WarehouseStore warehouses, ReceiptPledgeStore pledges,
                     PartyStore parties, CollateralRegistry registry, TradeFinance tradeFinance,
                     FinanceAndFile financeAndFile, PriceStore prices, BusinessDate businessDate, AuditTrail audit) {
        this.receipts = receipts;
        this.warehouses = warehouses;
        this.pledges = pledges;
        this.parties = parties;
        this.registry = registry;
        this.tradeFinance = tradeFinance;
        this.financeAndFile = financeAndFile;
        this.prices = prices;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    // ---- pledge

    private record Parsed(long funderId, String mode, BigDecimal minimumValue, BigDecimal loanAmount,
                          LocalDate maturity, BigDecimal annualRate, BigDecimal alertLine, BigDecimal liquidationLine,
                          int cureDays) {
    }

    private Parsed parse(PledgeRequest q, LocalDate today) {
        List<Rejection> r = new ArrayList<>();
        if (q.funderId() == null) {
            r.add(Rejection.of("required", "funderId"));
        } else if (!parties.institutionExists(q.funderId())) {
            r.add(Rejection.of("scf.warehouse.unknown-funder", "funderId", q.funderId()));
        }
        String mode = q.pledgeMode() == null || q.pledgeMode().isBlank() ? null
                : q.pledgeMode().strip().toUpperCase(Locale.ROOT);
        if (mode == null) {
            r.add(Rejection.of("required", "pledgeMode"));
        } else if (!MODES.contains(mode)) {
            r.add(Rejection.of("enum", "pledgeMode", q.pledgeMode(), "[DYNAMIC, STATIC]"));
        }
        BigDecimal minimum = null;
        if ("DYNAMIC".equals(mode)) {
            minimum = Amounts.check(q.minimumValue(), "minimumValue", false, MAX_AMOUNT, r);
            if (minimum != null && minimum.signum() == 0) {
                r.add(Rejection.of("scf.positive", "minimumValue", q.minimumValue().toPlainString()));
            }
        } else if (q.minimumValue() != null) {
            r.add(Rejection.of("scf.pledge.minimum-static", "minimumValue"));
        }
        BigDecimal amount = Amounts.check(q.loanAmount(), "loanAmount", false, MAX_AMOUNT, r);
        if (amount != null && amount.signum() == 0) {
            r.add(Rejection.of("scf.positive", "loanAmount", q.loanAmount().toPlainString()));
        }
        if (q.maturity() == null) {
            r.add(Rejection.of("required", "maturity"));
        } else if (!q.maturity().isAfter(today)) {
            r.add(Rejection.of("date.too-early", "maturity", q.maturity(), today.plusDays(1)));
        } else if (q.maturity().isAfter(today.plusMonths(MAX_TERM_MONTHS))) {
            r.add(Rejection.of("scf.pledge.term", "maturity", q.maturity(), MAX_TERM_MONTHS));
        }
        BigDecimal rate = WarehouseInputs.decimal(q.annualRate(), "annualRate", 4, BigDecimal.ZERO, false,
                MAX_RATE.subtract(new BigDecimal("0.0001")), r);
        BigDecimal alert = WarehouseInputs.decimal(q.alertLine(), "alertLine", 4, BigDecimal.ZERO, false,
                BigDecimal.ONE, r);
        BigDecimal liquidation = WarehouseInputs.decimal(q.liquidationLine(), "liquidationLine", 4, BigDecimal.ZERO,
                false, BigDecimal.ONE, r);
        if (alert != null && liquidation != null && alert.compareTo(liquidation) >= 0) {
            r.add(Rejection.of("scf.pledge.lines", "alertLine", alert.toPlainString(), liquidation.toPlainString()));
        }
        int cure = q.cureDays() == null ? DEFAULT_CURE_DAYS : q.cureDays();
        if (cure < 1 || cure > 90) {
            r.add(Rejection.of("range", "cureDays", 1, 90, cure));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        return new Parsed(q.funderId(), mode, minimum, amount, q.maturity(), rate, alert, liquidation, cure);
    }

    Receipt pledge(Caller caller, long id, PledgeRequest request) {
        Receipt receipt = receipts.lock(caller, id);
        if (!caller.is(Role.ENTERPRISE) || !Long.valueOf(receipt.ownerId()).equals(caller.enterpriseId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-owner", "receiptId",
                    receipt.number()));
        }
        LocalDate today = businessDate.today();
        Parsed q = parse(request, today);
        Pledge held = receipt.pledge();
        ReceiptStatus pledged = ReceiptStatus.of(receipt.status()).pledge(receipt.number(),
                held == null ? null : held.filingNumber(), held == null ? null : held.institutionName()).orThrow();
        Warehouse w = warehouses.warehouse(receipt.warehouseId());
        if (!w.supervised()) {
            throw Rejected.invalid(Rejection.of("scf.warehouse.unsupervised", "warehouseId", w.name()));
        }
        if (receipt.quantity().signum() == 0) {
            throw Rejected.invalid(Rejection.of("scf.positive", "quantity", receipt.quantity().toPlainString()));
        }
        var price = prices.latest(receipt.commodityCode(), receipt.unit(), today)
                .filter(x -> !x.date().isBefore(today.minusDays(PRICE_MAX_AGE_DAYS)))
                .orElseThrow(() -> Rejected.invalid(Rejection.of("scf.pledge.no-price", "commodityCode",
                        receipt.commodityCode(), receipt.unit(), PRICE_MAX_AGE_DAYS)));
        BigDecimal value = WarehouseRevaluation.value(receipt.quantity(), price.price());
        Ltv ltv = Ltv.of(q.loanAmount(), value);
        if (Ltv.state(ltv, q.alertLine(), q.liquidationLine()) != Ltv.State.NORMAL) {
            BigDecimal most = value.multiply(q.alertLine()).setScale(2, RoundingMode.CEILING)
                    .subtract(new BigDecimal("0.01")).max(BigDecimal.ZERO);
            throw Rejected.invalid(Rejection.of("scf.pledge.ltv", "loanAmount",
                    ltv.ratio().map(BigDecimal::toPlainString).orElse("∞"), q.alertLine().toPlainString(),
                    value.toPlainString(), most.toPlainString()));
        }
        if (q.minimumValue() != null && q.minimumValue().compareTo(value) > 0) {
            throw Rejected.invalid(Rejection.of("scf.pledge.minimum-above-value", "minimumValue",
                    q.minimumValue().toPlainString(), value.toPlainString()));
        }
        PartyStore.Named owner = parties.named(receipt.ownerId());
        int termMonths = (int) Math.max(1, ChronoUnit.MONTHS.between(today, q.maturity().minusDays(1)) + 1);
        String description = WORDS.both("registry.receipt-pledge") + " " + WORDS.en("registry.receipt-pledge.goods",
                receipt.number(), receipt.commodityName(), receipt.commodityCode(),
                receipt.quantity().stripTrailingZeros().toPlainString(), receipt.unit(), receipt.warehouseName(),
                q.mode().toLowerCase(Locale.ROOT));
        BigDecimal interest = FinanceCalculator.loan(q.loanAmount(), q.annualRate(), today, q.maturity()).interest();
        FinanceAndFile.Financed done = financeAndFile.finance(new FinanceAndFile.Financing(q.funderId(),
                List.of(new CollateralRegistry.Request(owner.creditCode(), "WAREHOUSE_RECEIPT", description,
                        List.of(receipt.number()), null, termMonths)),
                (c, holder) -> Rejection.of("scf.pledge.already-filed", "receiptId", receipt.number(), c.number()), null,
                new TradeFinance.Booking(q.funderId(), receipt.ownerId(), receipt.ownerId(), null, q.loanAmount(),
                        interest, q.annualRate(), today, q.maturity(), WORDS.en("loan.receipt-pledge"),
                        WarehouseRevaluation.reference(receipt.number()), owner.name(), caller.username(),
                        GuaranteeMethod.PLEDGE, new TradeFinance.Pledge(WORDS.zh("registry.receipts", receipt.number()), null,
                        value)),
                null, f -> new ScfEvent.ReceiptPledged(id, receipt.number(), q.funderId(), receipt.ownerId(), q.mode(),
                receipt.commodityCode(), q.loanAmount(), interest, q.annualRate(), f.loan().id(), f.filingNumber(),
                today, q.maturity())));
        Loan loan = done.loan();
        String filing = done.filingNumber();
        pledges.insert(new ReceiptPledgeStore.Made(id, q.funderId(), q.mode(), q.minimumValue(), loan.id(),
                q.loanAmount(), q.annualRate(), q.maturity(), q.alertLine(), q.liquidationLine(), q.cureDays(), filing,
                price.price(), value, today, caller.username()));
        pledges.insertFirstValuation(id, today, price.date(), price.price(), receipt.quantity(), value, q.loanAmount(),
                ltv.ratio().orElse(null));
        receipts.moveTo(id, pledged);
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.pledge", "warehouse-receipt", receipt.number(),
                q.mode() + " to institution " + q.funderId() + ", loan " + loan.number() + " "
                        + q.loanAmount().toPlainString() + ", filing " + filing));
        return receipts.lock(id);
    }

    // ---- release

    Receipt requestRelease(Caller caller, long id, String note) {
        Receipt receipt = receipts.lock(caller, id);
        if (!caller.is(Role.ENTERPRISE) || !Long.valueOf(receipt.ownerId()).equals(caller.enterpriseId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-owner", "receiptId",
                    receipt.number()));
        }
        List<Rejection> r = new ArrayList<>();
        String text = WarehouseInputs.text(note, "note", 0, 500, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        ReceiptStatus.of(receipt.status()).requestRelease(receipt.number()).orThrow();
        if (receipt.pledge().releaseRequestedOn() == null) {
            pledges.requestRelease(id, businessDate.today(), caller.username(), text);
            audit.record(AuditEvent.success(caller.username(), "scf.receipt.release-request", "warehouse-receipt",
                    receipt.number(), text));
        }
        return receipts.lock(id);
    }

    Receipt release(Caller caller, long id, boolean anyway, String note) {
        Receipt receipt = receipts.lock(caller, id);
        Pledge pledge = receipt.pledge();
        if (pledge == null || !caller.is(Role.INSTITUTION)
                || !Long.valueOf(pledge.institutionId()).equals(caller.institutionId())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-funder", "receiptId",
                    receipt.number()));
        }
        if (!caller.hasAuthority("operator") && !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.warehouse.not-funder", "receiptId",
                    receipt.number()));
        }
        List<Rejection> r = new ArrayList<>();
        String text = WarehouseInputs.text(note, "note", 0, 500, r);
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        ReceiptStatus released = ReceiptStatus.of(receipt.status()).release(receipt.number()).orThrow();
        if (pledge.releaseRequestedOn() == null) {
            throw Rejected.conflict(Rejection.of("scf.release.not-requested", "receiptId", receipt.number()));
        }
        BigDecimal outstanding = tradeFinance.byReference(WarehouseRevaluation.reference(receipt.number()))
                .map(Loan::principalOutstanding).orElse(BigDecimal.ZERO);
        boolean repaid = outstanding.signum() == 0;
        if (!repaid && !anyway) {
            throw Rejected.conflict(Rejection.of("scf.release.outstanding", "anyway", receipt.number(),
                    outstanding.toPlainString()));
        }
        LocalDate today = businessDate.today();
        pledges.markReleased(id, today, caller.username(), !repaid, text);
        receipts.moveTo(id, released);
        pledges.closeMarginCalls(id, repaid, today);
        if (repaid) {
            registry.cancel(pledge.institutionId(), pledge.filingNumber(),
                    WORDS.both("registry.receipt-released", receipt.number()), caller.username());
        }
        audit.record(AuditEvent.success(caller.username(), "scf.receipt.release", "warehouse-receipt", receipt.number(),
                (repaid ? "repaid, filing " + pledge.filingNumber() + " cancelled" : "released unpaid, outstanding "
                        + outstanding.toPlainString()) + (text == null ? "" : "; " + text)));
        return receipts.lock(id);
    }
}
