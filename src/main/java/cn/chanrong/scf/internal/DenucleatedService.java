package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.GuaranteeMethod;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.reference.LprTenor;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.scf.Denucleated;
import cn.chanrong.scf.ScfEvent;
import cn.chanrong.scf.domain.FinanceCalculator;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * De-nucleated financing. The SME's data credit comes from {@link CreditDecisions#decide} on the
 * request's terms, taken as the SME itself (its own data, no consent needed); its asset credit from
 * unpledged warehouse receipts at the latest price. Capacity is the decision's recommended limit
 * plus the goods' value times the advance rate for goods; the document may be financed up to
 * {@code chanrong.scf.document-advance-rate} of its amount.
 */
@Service
class DenucleatedService implements Denucleated {

    private static final Wording WORDS = Wording.of("scf");

    private final DenucleatedStore store;
    private final WarehouseReceiptStore warehouseReceipts;
    private final PartyStore parties;
    private final CreditDecisions decisions;
    private final CollateralRegistry registry;
    private final FinanceAndFile financeAndFile;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final BigDecimal goodsAdvance;
    private final BigDecimal documentAdvance;

    DenucleatedService(DenucleatedStore store, WarehouseReceiptStore warehouseReceipts, PartyStore parties,
                       CreditDecisions decisions, CollateralRegistry registry, FinanceAndFile financeAndFile,
                       ReferenceData reference, AuditTrail audit, PlatformTransactionManager transactions,
                       @Value("${chanrong.scf.goods-advance-rate:0.6}") BigDecimal goodsAdvance,
                       @Value("${chanrong.scf.document-advance-rate:0.9}") BigDecimal documentAdvance) {
        this.store = store;
        this.warehouseReceipts = warehouseReceipts;
        this.parties = parties;
        this.decisions = decisions;
        this.registry = registry;
        this.financeAndFile = financeAndFile;
        this.reference = reference;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.goodsAdvance = goodsAdvance;
        this.documentAdvance = documentAdvance;
    }

    private record Valid(long institutionId, String basis, String buyerName, String buyerCode, String documentNo,
                         BigDecimal documentAmount, BigDecimal amount, LocalDate maturity, List<String> receipts) {
    }

    private Valid check(Request r) {
        List<Rejection> problems = new ArrayList<>();
        if (r.institutionId() == null || parties.institutionName(r.institutionId()).isEmpty()) {
            problems.add(Rejection.of("scf.institution.unknown", "institutionId", r.institutionId()));
        }
        String basis = r.basis() == null ? "" : r.basis().strip();
        if (!List.of("ORDER", "RECEIVABLE").contains(basis)) {
            problems.add(Rejection.of("scf.denucleated.basis", "basis", r.basis()));
        }
        if (r.buyerName() == null || r.buyerName().isBlank()) {
            problems.add(Rejection.of("scf.required", "buyerName"));
        }
        String buyerCode = r.buyerCode() == null || r.buyerCode().isBlank() ? null : r.buyerCode().strip();
        if (buyerCode != null) {
            CreditCode.check(buyerCode, "buyerCode").ifPresent(problems::add);
        }
        if (r.documentNo() == null || r.documentNo().isBlank() || r.documentNo().strip().length() > 60) {
            problems.add(Rejection.of("scf.required", "documentNo"));
        }
        BigDecimal doc = Amounts.check(r.documentAmount(), "documentAmount", false, ReceivableService.MAX_AMOUNT, problems);
        BigDecimal amount = Amounts.check(r.amount(), "amount", false, ReceivableService.MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("scf.positive", "amount", r.amount().toPlainString()));
        }
        if (doc != null && amount != null && doc.signum() > 0
                && amount.compareTo(FinanceCalculator.advance(doc, documentAdvance)) > 0) {
            problems.add(Rejection.of("scf.denucleated.over-document", "amount", amount.toPlainString(),
                    documentAdvance.movePointRight(2).stripTrailingZeros().toPlainString(), doc.toPlainString()));
        }
        LocalDate today = parties.today();
        if (r.maturity() == null) {
            problems.add(Rejection.of("scf.required", "maturity"));
        } else if (!r.maturity().isAfter(today) || r.maturity().isAfter(today.plusYears(1))) {
            problems.add(Rejection.of("scf.denucleated.maturity", "maturity", r.maturity(), today.plusDays(1),
                    today.plusYears(1)));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<String> receipts = r.receiptNumbers() == null ? List.of()
                : r.receiptNumbers().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return new Valid(r.institutionId(), basis, r.buyerName().strip(), buyerCode, r.documentNo().strip(), doc, amount,
                r.maturity(), receipts);
    }

    private AssetCredit assets(long owner, List<String> receipts) {
        List<Asset> out = new ArrayList<>();
        List<Rejection> problems = new ArrayList<>();
        for (String number : receipts) {
            Optional<WarehouseReceiptStore.Priced> row = warehouseReceipts.unpledgedPriced(number, owner, parties.today());
            if (row.isEmpty()) {
                problems.add(Rejection.of("scf.denucleated.receipt", "receiptNumbers", number));
                continue;
            }
            WarehouseReceiptStore.Priced v = row.get();
            if (v.price() == null) {
                problems.add(Rejection.of("scf.denucleated.unpriced", "receiptNumbers", number, v.commodityCode()));
                continue;
            }
            BigDecimal value = FinanceCalculator.value(v.quantity(), v.price());
            out.add(new Asset(number, v.commodityCode(), v.quantity(), v.price(), v.pricedOn(), value));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        BigDecimal value = out.stream().map(Asset::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AssetCredit(out, value, goodsAdvance, FinanceCalculator.advance(value, goodsAdvance));
    }

    private List<CollateralRegistry.Request> filings(String grantor, Valid v, AssetCredit a) {
        List<CollateralRegistry.Request> out = new ArrayList<>();
        int months = (int) Math.min(360, ChronoUnit.MONTHS.between(parties.today(), v.maturity()) + 13);
        String id = (v.basis().equals("ORDER") ? "PO" : v.documentNo().matches("\\d{20}") ? "INV" : "AR") + v.documentNo();
        out.add(new CollateralRegistry.Request(grantor, "RECEIVABLES_PLEDGE",
                WORDS.zh(v.basis().equals("ORDER") ? "registry.order-document" : "registry.receivable-document",
                        v.documentNo(), v.buyerName(), v.documentAmount()), List.of(id), null, months));
        if (!a.assets().isEmpty()) {
            List<String> numbers = a.assets().stream().map(Asset::receiptNumber).toList();
            out.add(new CollateralRegistry.Request(grantor, "WAREHOUSE_RECEIPT",
                    WORDS.zh("registry.receipts", String.join("、", numbers)), numbers, null, months));
        }
        return out;
    }

    @Override
    public Assessment assess(Caller caller, Request request) {
        if (!caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
        Valid v = check(request);
        PartyStore.Party me = parties.enterprise(caller.enterpriseId()).orElseThrow();
        AssetCredit assets = assets(me.id(), v.receipts());
        List<String> reasons = new ArrayList<>();
        // the decision is taken (and stored) first, outside this assessment's transaction
        DataCredit data = null;
        try {
            int months = (int) Math.max(1, ChronoUnit.MONTHS.between(parties.today(), v.maturity().minusDays(1)) + 1);
            CreditDecisions.Decision d = decisions.decide(caller, me.id(), new Terms(v.amount(), months,
                    Terms.Purpose.WORKING_CAPITAL, !assets.assets().isEmpty()));
            data = new DataCredit(d.id(), d.outcome(), d.grade(), d.score(), d.spreadBps(), d.recommendedLimit());
        } catch (Rejected noData) {
            reasons.add("NO_DATA_CREDIT");
        }
        List<String> identifiers = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (CollateralRegistry.Request f : filings(me.creditCode(), v, assets)) {
            identifiers.addAll(f.identifiers());
            for (Conflict c : registry.check(v.institutionId(), f)) {
                conflicts.add(c.number() + " (" + c.identifier() + ")");
            }
        }
        BigDecimal dataLimit = data == null || "DECLINE".equals(data.outcome()) ? BigDecimal.ZERO : data.recommendedLimit();
        BigDecimal capacity = dataLimit.add(assets.cover());
        String outcome;
        if (!conflicts.isEmpty()) {
            outcome = "DECLINED";
            reasons.add("REGISTRY_CONFLICT");
        } else if (data != null && "DECLINE".equals(data.outcome()) && assets.cover().compareTo(v.amount()) < 0) {
            outcome = "DECLINED";
            reasons.add("DATA_CREDIT_DECLINED");
        } else if (v.amount().compareTo(capacity) > 0) {
            outcome = "REFERRED";
            reasons.add("ABOVE_CAPACITY");
        } else if (data != null && "APPROVE".equals(data.outcome()) || assets.cover().compareTo(v.amount()) >= 0) {
            outcome = "APPROVED";
            reasons.add(assets.cover().compareTo(v.amount()) >= 0 ? "COVERED_BY_GOODS" : "WITHIN_DATA_CREDIT");
        } else {
            outcome = "REFERRED";
            reasons.add("DATA_CREDIT_REFERRED");
        }
        DenucleatedStore.Stored stored = new DenucleatedStore.Stored(capacity, data, assets, new RegistryCheck(identifiers, conflicts), reasons);
        String finalOutcome = outcome;
        Long id = tx.execute(status -> {
            long made = store.insert(me.id(), v.institutionId(), v.basis(), v.buyerName(), v.buyerCode(), v.documentNo(),
                    v.documentAmount(), v.amount(), v.maturity(), stored, finalOutcome, caller.username());
            audit.record(AuditEvent.success(caller.username(), "scf.denucleated.assess", "scf_denucleated", made,
                    finalOutcome + " " + v.amount().toPlainString() + " capacity " + capacity.toPlainString()));
            return made;
        });
        return get(caller, id);
    }

    @Override
    @Transactional
    public Assessment fund(Caller caller, long id) {
        if (!caller.is(Role.INSTITUTION) || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.institution-only", null));
        }
        Assessment a = get(caller, id);
        store.lock(id);
        a = get(caller, id);
        if (a.loanId() != null) {
            throw Rejected.conflict(Rejection.of("scf.denucleated.funded", null, id, a.loanId()));
        }
        boolean allowed = "APPROVED".equals(a.outcome())
                || "REFERRED".equals(a.outcome()) && caller.hasAuthority("approver");
        if (!allowed) {
            throw Rejected.conflict(Rejection.of("scf.denucleated.outcome", null, id, a.outcome()));
        }
        LocalDate today = parties.today();
        if (!a.maturity().isAfter(today)) {
            throw Rejected.conflict(Rejection.of("scf.denucleated.maturity", "maturity", a.maturity(), today.plusDays(1),
                    today.plusYears(1)));
        }
        String grantor = parties.enterprise(a.enterpriseId()).orElseThrow().creditCode();
        Valid v = new Valid(a.institutionId(), a.basis(), a.buyerName(), a.buyerCode(), a.documentNo(), a.documentAmount(),
                a.amount(), a.maturity(), a.assetCredit().assets().stream().map(Asset::receiptNumber).toList());
        BigDecimal rate = reference.lpr(LprTenor.ONE_YEAR, today).orElse(new BigDecimal("3.00"))
                .add(BigDecimal.valueOf(a.dataCredit() == null ? 150 : a.dataCredit().spreadBps(), 2));
        BigDecimal interest = FinanceCalculator.loan(a.amount(), rate, today, a.maturity()).interest();
        Assessment assessed = a;
        FinanceAndFile.Financed done = financeAndFile.finance(new FinanceAndFile.Financing(a.institutionId(),
                filings(grantor, v, a.assetCredit()),
                (c, holder) -> Rejection.of("scf.already-filed", null, c.identifier(), c.number(), holder), null,
                new TradeFinance.Booking(a.institutionId(), a.enterpriseId(), a.enterpriseId(), null, a.amount(),
                        interest, rate, today, a.maturity(), WORDS.both("loan.denucleated") + " " + a.documentNo(),
                        "denucleated:" + id, a.enterpriseName(), caller.username(), GuaranteeMethod.PLEDGE,
                        new TradeFinance.Pledge(WORDS.zh(a.basis().equals("ORDER") ? "registry.order-document"
                                : "registry.receivable-document", a.documentNo(), a.buyerName(), a.documentAmount()), null,
                                a.documentAmount())),
                null, f -> new ScfEvent.DenucleatedFinanced(id, assessed.institutionId(), assessed.enterpriseId(),
                assessed.basis(), assessed.documentNo(), assessed.amount(), interest, rate, f.loan().id(),
                f.filingNumbers(), today, assessed.maturity())));
        Loan loan = done.loan();
        List<String> numbers = done.filingNumbers();
        store.markFunded(id, loan.id(), String.join(",", numbers));
        audit.record(AuditEvent.success(caller.username(), "scf.denucleated.fund", "scf_denucleated", id,
                "loan " + loan.number() + ", filings " + numbers));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Assessment get(Caller caller, long id) {
        return store.get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Assessment> search(Caller caller, PageRequest page) {
        return store.search(caller, page);
    }
}
