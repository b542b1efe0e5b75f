package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.GuaranteeMethod;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.scf.Receivables.Check;
import cn.chanrong.scf.Receivables.Offer;
import cn.chanrong.scf.Receivables.Receivable;
import cn.chanrong.scf.Receivables.Terms;
import cn.chanrong.scf.ScfEvent;
import cn.chanrong.scf.domain.DebtorNotice;
import cn.chanrong.scf.domain.FinanceCalculator;
import cn.chanrong.scf.domain.OfferStatus;
import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.shared.Amounts;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receivable financing: the creditor asks funders, funders answer with terms, the creditor accepts
 * one. Acceptance checks and files in the registry, books the advance as a loan under the funder's
 * facility on the risk obligor and notifies the debtor, all in one transaction.
 */
@Service
class FinancingService {

    private static final Wording WORDS = Wording.of("scf");

    private final OfferStore offers;
    private final ReceivableStore receivables;
    private final InvoiceStore invoices;
    private final PartyStore parties;
    private final CollateralRegistry registry;
    private final FinanceAndFile financeAndFile;
    private final AuditTrail audit;

    FinancingService(OfferStore offers, ReceivableStore receivables, InvoiceStore invoices, PartyStore parties,
                     CollateralRegistry registry, FinanceAndFile financeAndFile, AuditTrail audit) {
        this.offers = offers;
        this.receivables = receivables;
        this.invoices = invoices;
        this.parties = parties;
        this.registry = registry;
        this.financeAndFile = financeAndFile;
        this.audit = audit;
    }

    @Transactional
    List<Offer> request(Caller caller, long receivableId, List<Long> institutionIds) {
        if (!caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
        Receivable r = receivables.get(caller, receivableId);
        if (r.creditorId() != caller.enterpriseId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-creditor", null, r.number()));
        }
        r = receivables.lock(receivableId);
        ReceivableStatus.of(r.status()).offer(r.number()).orThrow();
        if (!r.dueOn().isAfter(parties.today())) {
            throw Rejected.invalid(Rejection.of("scf.receivable.due", "dueOn", r.number(), r.dueOn()));
        }
        if (institutionIds == null || institutionIds.isEmpty()) {
            throw Rejected.invalid(Rejection.of("scf.required", "institutionIds"));
        }
        List<Rejection> problems = new ArrayList<>();
        for (Long i : institutionIds) {
            if (i == null || parties.institutionName(i).isEmpty()) {
                problems.add(Rejection.of("scf.institution.unknown", "institutionIds", i));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<Offer> out = new ArrayList<>();
        for (long i : institutionIds.stream().distinct().toList()) {
            Long id = offers.ask(receivableId, i, caller.username()).orElse(null);
            if (id != null) {
                out.add(offers.load(id));
            }
        }
        audit.record(AuditEvent.success(caller.username(), "scf.financing.request", "receivable", r.number(),
                "to institutions " + institutionIds));
        return out;
    }

    private Offer funderOwn(Caller caller, long offerId) {
        if (!caller.is(Role.INSTITUTION) || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.institution-only", null));
        }
        Offer o = offers.visible(caller, offerId);
        return offers.lock(offerId);
    }

    @Transactional
    Offer offer(Caller caller, long offerId, Terms t) {
        Offer o = funderOwn(caller, offerId);
        OfferStatus offered = OfferStatus.of(o.status()).offer(o.id()).orThrow();
        List<Rejection> problems = new ArrayList<>();
        // rates as offered: at most two decimals, like an amount (the columns keep four)
        BigDecimal advanceRate = Amounts.check(t.advanceRate(), "advanceRate", false, BigDecimal.ONE, problems);
        if (advanceRate != null && advanceRate.signum() <= 0) {
            problems.add(Rejection.of("scf.positive", "advanceRate", t.advanceRate().toPlainString()));
        }
        BigDecimal rate = Amounts.check(t.discountRate(), "discountRate", false, new BigDecimal("35.99"), problems);
        BigDecimal fee = t.fee() == null ? BigDecimal.ZERO
                : Amounts.check(t.fee(), "fee", false, ReceivableService.MAX_AMOUNT, problems);
        String kind = t.kind() == null ? "FACTORING" : t.kind().strip();
        if (!List.of("FACTORING", "PLEDGE").contains(kind)) {
            problems.add(Rejection.of("scf.offer.kind", "kind", t.kind()));
        }
        String obligor = t.riskObligor() == null ? "DEBTOR" : t.riskObligor().strip();
        if (!List.of("DEBTOR", "SELLER").contains(obligor)) {
            problems.add(Rejection.of("scf.offer.obligor", "riskObligor", t.riskObligor()));
        }
        boolean junior = Boolean.TRUE.equals(t.acceptJunior());
        if (junior && !"PLEDGE".equals(kind)) {
            problems.add(Rejection.of("scf.offer.junior-factoring", "acceptJunior", kind));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        offers.recordTerms(offerId, offered, advanceRate, rate, fee, t.recourse() == null || t.recourse(), kind, obligor,
                junior, caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.financing.offer", "receivable", o.receivableNumber(),
                "advance " + advanceRate.toPlainString() + " at " + rate.toPlainString() + "% " + kind + " obligor " + obligor));
        return offers.load(offerId);
    }

    @Transactional
    Offer decline(Caller caller, long offerId, String reason) {
        Offer o = funderOwn(caller, offerId);
        OfferStatus declined = OfferStatus.of(o.status()).decline(o.id()).orThrow();
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid(Rejection.of("scf.required", "reason"));
        }
        offers.recordRefusal(offerId, declined, reason.strip(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "scf.financing.decline", "receivable", o.receivableNumber(),
                reason.strip()));
        return offers.load(offerId);
    }

    /** What the registry is asked about a receivable: the creditor grants it, identified by its number and invoice. */
    static CollateralRegistry.Request registryRequest(Receivable r, String kind) {
        List<String> ids = new ArrayList<>();
        ids.add(r.number());
        if (r.invoiceNumber() != null) {
            ids.add("INV" + r.invoiceNumber());
        }
        int months = (int) Math.min(360, Math.max(1, ChronoUnit.MONTHS.between(r.deliveredOn(), r.dueOn()) + 13));
        return new CollateralRegistry.Request(r.creditorCode(), "PLEDGE".equals(kind) ? "RECEIVABLES_PLEDGE" : "FACTORING",
                WORDS.zh("registry.receivable", r.number(), r.debtorName(), r.amount()), ids, null,
                months);
    }

    @Transactional
    Offer accept(Caller caller, long offerId) {
        if (!caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
        Offer o = offers.visible(caller, offerId);
        Receivable r = receivables.lock(o.receivableId());
        o = offers.lock(offerId);
        // the registry first: a receivable financed elsewhere is refused with the filing that holds it
        CollateralRegistry.Request request = registryRequest(r, o.kind() == null ? "FACTORING" : o.kind());
        Receivable held = r;
        FinanceAndFile.Refusal refusal = (c, holder) -> Rejection.of("scf.already-filed", "offerId", held.number(),
                c.number(), holder);
        financeAndFile.refuseIfHeld(o.institutionId(), List.of(request), caller.username(), refusal, o.acceptJunior());
        OfferStatus accepted = OfferStatus.of(o.status()).accept(o.id()).orThrow();
        ReceivableStatus financed = ReceivableStatus.of(r.status()).finance(r.number()).orThrow();
        LocalDate today = parties.today();
        if (!r.dueOn().isAfter(today)) {
            throw Rejected.invalid(Rejection.of("scf.receivable.due", "dueOn", r.number(), r.dueOn()));
        }
        FinanceCalculator.Loan figures = FinanceCalculator.receivableAdvance(r.outstanding(), o.advanceRate(),
                o.discountRate(), today, r.dueOn());
        long obligor = "SELLER".equals(o.riskObligor()) ? r.creditorId() : r.debtorId();
        // a factoring buys the receivable (保理); a pledge lends against it (质押), recorded as the loan's security
        boolean pledge = "PLEDGE".equals(o.kind());
        Offer offer = o;
        FinanceAndFile.Financed done = financeAndFile.finance(new FinanceAndFile.Financing(o.institutionId(),
                List.of(request), refusal, o.acceptJunior(),
                new TradeFinance.Booking(o.institutionId(), r.creditorId(), obligor, null, figures.principal(),
                        figures.interest(), o.discountRate(), today, r.dueOn(),
                        WORDS.both("loan.receivable") + " " + r.number(), "receivable:" + r.number(), r.creditorName(),
                        caller.username(), pledge ? GuaranteeMethod.PLEDGE : GuaranteeMethod.FACTORING,
                        pledge ? new TradeFinance.Pledge(WORDS.zh("registry.receivable", r.number(), r.debtorName(),
                                r.amount()), null, r.outstanding()) : null),
                DebtorNotice.of(o.kind(), r.debtorName(), r.creditorName(), r.number(), r.amount(), r.dueOn(),
                        o.institutionName()),
                f -> new ScfEvent.ReceivableFinanced(held.id(), held.number(), offer.id(), offer.institutionId(),
                        held.creditorId(), held.debtorId(), obligor, offer.kind() == null ? "FACTORING" : offer.kind(),
                        figures.principal(), figures.interest(), offer.discountRate(), f.loan().id(), f.filingNumber(),
                        today, held.dueOn())));
        offers.markAccepted(offerId, accepted, figures.principal(), figures.interest(), done.loan().id(),
                done.filingNumber(), done.notice());
        offers.lapseOthers(r.id(), offerId);
        receivables.markFinanced(r.id(), financed);
        audit.record(AuditEvent.success(caller.username(), "scf.financing.accept", "receivable", r.number(),
                "loan " + done.loan().number() + " " + figures.principal().toPlainString() + ", filing "
                        + done.filingNumber()));
        return offers.load(offerId);
    }

    @Transactional(readOnly = true)
    Page<Offer> offers(Caller caller, Long receivableId, String status, PageRequest page) {
        return offers.page(caller, receivableId, status, page);
    }

    /** The funder's pre-financing checklist: invoice authenticity, related parties, registry, confirmation. */
    @Transactional(readOnly = true)
    List<Check> checklist(Caller caller, long offerId) {
        Offer o = offers.visible(caller, offerId);
        Receivable r = receivables.get(caller, o.receivableId());
        List<Check> out = new ArrayList<>();
        if (r.invoiceNumber() == null) {
            out.add(new Check("INVOICE", false, "no invoice"));
        } else {
            BigDecimal left = invoices.left(r.invoiceNumber());
            out.add(new Check("INVOICE", left.compareTo(r.amount().subtract(r.diluted())) >= 0,
                    r.invoiceNumber() + " " + left.toPlainString()));
        }
        PartyStore.Party creditor = parties.enterprise(r.creditorId()).orElseThrow();
        PartyStore.Party debtor = parties.enterprise(r.debtorId()).orElseThrow();
        boolean related = creditor.groupId() != null && creditor.groupId().equals(debtor.groupId());
        out.add(new Check("RELATED_PARTY", !related, related ? "group " + creditor.groupId() : "-"));
        List<Conflict> conflicts = registry.check(o.institutionId(), registryRequest(r, o.kind()));
        out.add(new Check("REGISTRY", conflicts.isEmpty(), conflicts.isEmpty() ? "-"
                : String.join(", ", conflicts.stream().map(Conflict::number).toList())));
        boolean confirmed = r.signed() && ReceivableStatus.of(r.status()) != ReceivableStatus.DISPUTED;
        String detail = "-";
        if (confirmed) {
            String key = receivables.signatureKey(r.id());
            detail = key.length() > 16 ? key.substring(key.length() - 16) : key;
        }
        out.add(new Check("CONFIRMATION", confirmed, detail));
        return out;
    }
}
