package cn.chanrong.capital.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.capital.EquityDeals;
import cn.chanrong.capital.Investors;
import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.capital.domain.InvestorKind;
import cn.chanrong.capital.domain.MandateFit;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investors, mandates, equity needs and deals: each act checked for who may do it and what it carries, then written in
 * one transaction with its audit entry. Needs are shown only to qualified investors; deals move by {@link DealStage}.
 */
@Service
class CapitalService implements Investors, EquityDeals {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000.00");

    private final CapitalStore store;
    private final BusinessDate businessDate;
    private final ReferenceData reference;
    private final AuditTrail audit;

    CapitalService(CapitalStore store, BusinessDate businessDate, ReferenceData reference, AuditTrail audit) {
        this.store = store;
        this.businessDate = businessDate;
        this.reference = reference;
        this.audit = audit;
    }

    private static boolean manager(Caller caller) {
        return caller.is(Role.INSTITUTION) && caller.institutionId() != null
                && (caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"));
    }

    // --- investors

    @Override
    @Transactional
    public Investor register(Caller caller, Register request) {
        if (!manager(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.investor.manager-only", null));
        }
        var inst = store.institution(caller.institutionId()).orElseThrow();
        List<Rejection> problems = new ArrayList<>();
        if (InstitutionType.parse(inst.type()).filter(InvestorKind.INVESTING_TYPES::contains).isEmpty()) {
            problems.add(Rejection.of("capital.investor.type", null, InstitutionType.parse(inst.type())
                    .map(t -> t.name(false)).orElse(inst.type())));
        }
        if (request.kind() == null) {
            problems.add(Rejection.of("required", "investorKind"));
        }
        String amac = request.amacNumber() == null || request.amacNumber().isBlank() ? null : request.amacNumber().strip();
        if (amac != null && !amac.matches("P[0-9]{7}")) {
            problems.add(Rejection.of("capital.investor.amac", "amacNumber", amac));
        } else if (amac == null && request.kind() != null && request.kind().needsRegistration()) {
            problems.add(Rejection.of("required", "amacNumber"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!store.insertInvestor(inst.id(), request.kind(), amac, caller.username())) {
            throw Rejected.conflict(Rejection.of("capital.investor.registered", null, inst.name()));
        }
        audit.record(AuditEvent.success(caller.username(), "capital.investor.register", "institution", inst.id(),
                request.kind() + (amac == null ? "" : " " + amac)));
        return investor(store.investor(inst.id()).orElseThrow());
    }

    @Override
    @Transactional
    public Investor verify(Caller caller, long institutionId) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.investor.admin-only", null));
        }
        var row = store.investor(institutionId).orElseThrow(() -> Rejected.notFound("investor", institutionId));
        if (row.verifiedOn() == null) {
            store.verify(institutionId, businessDate.today(), caller.username());
            audit.record(AuditEvent.success(caller.username(), "capital.investor.verify", "institution", institutionId,
                    row.kind() + (row.amac() == null ? "" : " " + row.amac())));
        }
        return investor(store.investor(institutionId).orElseThrow());
    }

    @Override
    @Transactional
    public Mandate addMandate(Caller caller, MandateDraft d) {
        if (!manager(caller) || store.investor(caller.institutionId()).isEmpty()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.investor.manager-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (d.name() == null || d.name().strip().length() < 2 || d.name().strip().length() > 200) {
            problems.add(Rejection.of("length", "name", 2, 200));
        }
        if (d.stages() == null || d.stages().isEmpty()) {
            problems.add(Rejection.of("required", "stages"));
        }
        for (String c : d.chains()) {
            if (ChainTag.parse(c).isEmpty()) {
                problems.add(Rejection.of("chain-tag.unknown", "chains", c));
            }
        }
        for (String r : d.regions()) {
            if (reference.region(r).filter(x -> x.code().endsWith("0000")).isEmpty()) {
                problems.add(Rejection.of("capital.mandate.province", "regions", r));
            }
        }
        if (d.minTicket() == null) {
            problems.add(Rejection.of("required", "minTicket"));
        }
        if (d.maxTicket() == null) {
            problems.add(Rejection.of("required", "maxTicket"));
        } else if (d.minTicket() != null && d.maxTicket().compareTo(d.minTicket()) < 0) {
            problems.add(Rejection.of("capital.mandate.ticket", "maxTicket", d.minTicket().toPlainString(),
                    d.maxTicket().toPlainString()));
        }
        if (d.horizonYears() == null || d.horizonYears() < 1 || d.horizonYears() > 20) {
            problems.add(Rejection.of("range", "horizonYears", 1, 20, d.horizonYears()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var draft = new MandateDraft(d.name().strip(), d.stages(), d.chains(), d.regions(), d.minTicket(), d.maxTicket(),
                d.horizonYears());
        long id = store.insertMandate(caller.institutionId(), draft, caller.username());
        audit.record(AuditEvent.success(caller.username(), "capital.mandate.add", "capital_mandate", id, draft.name()));
        return store.mandates(caller.institutionId(), false).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<Investor> investors(Caller caller) {
        return store.investors().stream().map(this::investor).toList();
    }

    private Investor investor(CapitalStore.InvestorRow r) {
        return new Investor(r.institutionId(), r.name(), r.type(), r.kind(), r.amac(), r.verifiedOn(), r.verifiedOn() != null,
                store.mandates(r.institutionId(), true));
    }

    /** An institution reads needs and opens deals only as a verified investor: anyone else of it is told why. */
    private CapitalStore.InvestorRow qualified(Caller caller) {
        var row = caller.institutionId() == null ? null : store.investor(caller.institutionId()).orElse(null);
        if (row == null || row.verifiedOn() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.need.qualified-only", null));
        }
        return row;
    }

    // --- needs

    @Override
    @Transactional
    public Need publish(Caller caller, NeedDraft d) {
        return publish(caller, d, businessDate.today());
    }

    /** As {@link #publish(Caller, NeedDraft)}, published on {@code today} (the demo's past). */
    @Transactional
    Need publish(Caller caller, NeedDraft d, LocalDate today) {
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.need.enterprise-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (d.amount() == null) {
            problems.add(Rejection.of("required", "amount"));
        }
        if (d.stage() == null) {
            problems.add(Rejection.of("required", "stage"));
        }
        if (d.useOfProceeds() == null || d.useOfProceeds().strip().length() < 2 || d.useOfProceeds().strip().length() > 1000) {
            problems.add(Rejection.of("length", "useOfProceeds", 2, 1000));
        }
        Disclosure disclosure = d.disclosure() == null ? Disclosure.ALL_QUALIFIED : d.disclosure();
        List<Long> chosen = new ArrayList<>();
        if (disclosure == Disclosure.CHOSEN) {
            if (d.chosenInvestors() == null || d.chosenInvestors().isEmpty()) {
                problems.add(Rejection.of("required", "chosenInvestors"));
            } else {
                for (String code : d.chosenInvestors()) {
                    var id = code == null ? null : store.institutionByCode(code.strip()).orElse(null);
                    var inv = id == null ? null : store.investor(id).orElse(null);
                    if (inv == null || inv.verifiedOn() == null) {
                        problems.add(Rejection.of("capital.need.not-investor", "chosenInvestors", code));
                    } else {
                        chosen.add(id);
                    }
                }
            }
        } else if (d.chosenInvestors() != null && !d.chosenInvestors().isEmpty()) {
            problems.add(Rejection.of("capital.need.chosen-only", "chosenInvestors"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.insertNeed(caller.enterpriseId(), new NeedDraft(d.amount(), d.preMoney(), d.stage(),
                d.useOfProceeds().strip(), disclosure, List.of()), chosen.stream().mapToLong(Long::longValue).toArray(), today,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "capital.need.publish", "capital_need", id,
                d.stage() + " " + d.amount().toPlainString() + " " + disclosure));
        return need(caller, id);
    }

    @Override
    public Page<Need> needs(Caller caller, PageRequest page) {
        var investor = caller.is(Role.INSTITUTION) ? qualified(caller) : null;
        return store.needs(caller, page).map(n -> withFits(n, investor));
    }

    @Override
    public Need need(Caller caller, long id) {
        var investor = caller.is(Role.INSTITUTION) ? qualified(caller) : null;
        return withFits(store.need(caller, id, false).orElseThrow(() -> Rejected.notFound("capital-need", id)), investor);
    }

    private Need withFits(CapitalStore.NeedRow n, CapitalStore.InvestorRow investor) {
        List<Fit> fits = new ArrayList<>();
        if (investor != null) {
            var firm = new MandateFit.Need(n.stage(), n.amount(), n.regionCode() == null ? null
                    : n.regionCode().substring(0, 2) + "0000", store.chainTags(n.enterpriseId()));
            for (var m : store.mandates(investor.institutionId(), true)) {
                var r = MandateFit.of(new MandateFit.Mandate(m.stages(), m.minTicket(), m.maxTicket(), m.regions(),
                        m.chains()), firm);
                fits.add(new Fit(m.id(), m.name(), r.fits(), r.checks()));
            }
        }
        return new Need(n.id(), n.number(), n.enterpriseId(), n.enterpriseName(), n.regionCode(), n.amount(), n.preMoney(),
                n.stage(), n.use(), n.disclosure(), n.status(), n.publishedOn(), fits);
    }

    // --- deals

    @Override
    @Transactional
    public Deal open(Caller caller, Open request) {
        return open(caller, request, businessDate.today());
    }

    @Transactional
    Deal open(Caller caller, Open request, LocalDate on) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.need.qualified-only", null));
        }
        var investor = qualified(caller);
        List<Rejection> problems = new ArrayList<>();
        CapitalStore.Firm firm = null;
        var bad = request.enterprise() == null && request.needId() != null ? java.util.Optional.<Rejection>empty()
                : CreditCode.check(request.enterprise(), "enterprise");
        if (request.enterprise() == null && request.needId() != null) {
            // a deal opened on a need: the need's enterprise
            var need = store.need(caller, request.needId(), false)
                    .orElseThrow(() -> Rejected.notFound("capital-need", request.needId()));
            firm = store.enterprise(need.enterpriseId());
        } else if (bad.isPresent()) {
            problems.add(bad.get());
        } else {
            firm = store.enterprise(request.enterprise()).orElse(null);
            if (firm == null) {
                problems.add(Rejection.of("warning.list.unknown-enterprise", "enterprise", request.enterprise()));
            }
        }
        if (firm != null && request.needId() != null) {
            var need = store.need(caller, request.needId(), false).orElse(null);
            if (need == null || need.enterpriseId() != firm.id()) {
                problems.add(Rejection.of("capital.deal.need", "needId", request.needId(), firm.name()));
            }
        }
        if (firm != null && request.roadshowId() != null && !store.presented(request.roadshowId(), firm.id())) {
            problems.add(Rejection.of("capital.deal.roadshow", "roadshowId", request.roadshowId(), firm.name()));
        }
        String round = request.round() == null || request.round().isBlank() ? null : request.round().strip();
        if (round != null && round.length() > 40) {
            problems.add(Rejection.of("length", "round", 1, 40));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.insertDeal(investor.institutionId(), firm.id(), request.needId(), request.roadshowId(), round, on,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "capital.deal.open", "capital_deal", id, firm.name()));
        return store.deal(caller, id, false).orElseThrow();
    }

    @Override
    @Transactional
    public Deal move(Caller caller, long dealId, Move m) {
        return move(caller, dealId, m, businessDate.today());
    }

    @Transactional
    Deal move(Caller caller, long dealId, Move m, LocalDate on) {
        var deal = store.deal(caller, dealId, true).orElseThrow(() -> Rejected.notFound("capital-deal", dealId));
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null || deal.institutionId() != caller.institutionId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.deal.investor-only", null));
        }
        if (m.stage() == null) {
            throw Rejected.invalid(Rejection.of("required", "stage"));
        }
        DealStage next = deal.stage().to(m.stage()).orThrow();
        List<Rejection> problems = new ArrayList<>();
        if (next == DealStage.INVESTED) {
            if (m.amount() == null) {
                problems.add(Rejection.of("required", "amount"));
            }
            if (m.sharePercent() == null) {
                problems.add(Rejection.of("required", "sharePercent"));
            } else if (m.sharePercent().signum() <= 0 || m.sharePercent().compareTo(new BigDecimal("100")) > 0) {
                problems.add(Rejection.of("range", "sharePercent", "0.0001", "100", m.sharePercent().toPlainString()));
            }
            if (m.postMoney() == null) {
                problems.add(Rejection.of("required", "postMoney"));
            } else if (m.amount() != null && m.postMoney().compareTo(m.amount()) < 0) {
                problems.add(Rejection.of("capital.deal.post-money", "postMoney", m.postMoney().toPlainString(),
                        m.amount().toPlainString()));
            }
            if (m.investedOn() == null) {
                problems.add(Rejection.of("required", "investedOn"));
            } else if (m.investedOn().isAfter(on) || m.investedOn().isBefore(deal.openedOn())) {
                problems.add(Rejection.of("capital.deal.invested-on", "investedOn", m.investedOn(), deal.openedOn(), on));
            }
        }
        if (next == DealStage.DECLINED && (m.reason() == null || m.reason().strip().length() < 2
                || m.reason().strip().length() > 1000)) {
            problems.add(Rejection.of("length", "reason", 2, 1000));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        Move clean = new Move(next, next == DealStage.INVESTED ? m.amount() : null,
                next == DealStage.INVESTED ? m.sharePercent() : null, next == DealStage.INVESTED ? m.postMoney() : null,
                m.investedOn(), m.reason() == null ? null : m.reason().strip());
        store.moveDeal(dealId, deal.stage(), clean, on, caller.username());
        if (next == DealStage.INVESTED && deal.needId() != null) {
            store.needFunded(deal.needId());
        }
        audit.record(AuditEvent.success(caller.username(), "capital.deal.move", "capital_deal", dealId,
                deal.stage() + " -> " + next));
        return store.deal(caller, dealId, false).orElseThrow();
    }

    @Override
    public Page<Deal> deals(Caller caller, String stage, PageRequest page) {
        DealStage s = null;
        if (stage != null && !stage.isBlank()) {
            s = DealStage.parse(stage.strip()).orElseThrow(() -> Rejected.invalid(Rejection.of("enum", "stage", stage,
                    java.util.Arrays.toString(DealStage.values()))));
        }
        return store.deals(caller, s, page);
    }

    @Override
    public long inProgress(Caller caller) {
        return store.inProgress(caller);
    }

    /** Whether the caller's institution is a verified investor (reads needs). */
    boolean qualifiedInvestor(Caller caller) {
        return caller.is(Role.INSTITUTION) && caller.institutionId() != null
                && store.investor(caller.institutionId()).map(r -> r.verifiedOn() != null).orElse(false);
    }

    @Override
    public Deal deal(Caller caller, long id) {
        return store.deal(caller, id, false).orElseThrow(() -> Rejected.notFound("capital-deal", id));
    }
}
