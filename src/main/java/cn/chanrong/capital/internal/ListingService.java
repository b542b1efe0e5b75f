package cn.chanrong.capital.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.capital.Listings;
import cn.chanrong.capital.domain.HardTech;
import cn.chanrong.capital.domain.ListingBoard;
import cn.chanrong.capital.domain.ListingStage;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.domain.QualificationType;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hard-tech evaluations and the cultivation pipeline: who may act is checked first (the enterprise for itself, the
 * industry department of the enterprise's region, administrators), then what the act carries, then it is written in one
 * transaction with its audit entry. The evaluation itself is the pure {@link HardTech}.
 */
@Service
class ListingService implements Listings {

    /** The department that keeps the cultivation list (the SME authority, 中小企业主管部门). */
    static final String OFFICE = "MIIT";
    /** An evaluation older than this many days no longer enters an enterprise on the list. */
    static final int EVALUATION_VALID_DAYS = 365;
    /** Verified statuses that enter an enterprise on the list, the stronger first. */
    static final List<QualificationType> BASES = List.of(QualificationType.LITTLE_GIANT, QualificationType.SPECIALISED_SME);

    private final ListingStore store;
    private final EnterpriseDetails details;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    ListingService(ListingStore store, EnterpriseDetails details, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.details = details;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    public Criteria criteria(ListingBoard board, LocalDate on, boolean english) {
        LocalDate day = on == null ? businessDate.today() : on;
        return new Criteria(board, day, store.rules(board, day), store.exceptions(board, day, english));
    }

    private static String bounded(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static boolean office(Caller caller) {
        return caller.is(Role.REGULATOR) && OFFICE.equals(caller.department());
    }

    /**
     * The enterprise the caller acts on: an enterprise's user its own; the office's regulator one of its region (another
     * is not found); an administrator any. Anyone else is refused with the rule.
     */
    private ListingStore.Firm target(Caller caller, String enterprise, boolean enterpriseMay) {
        if (enterpriseMay && caller.is(Role.ENTERPRISE) && caller.enterpriseId() != null) {
            var own = store.firm(caller.enterpriseId());
            if (enterprise != null && !enterprise.isBlank() && !enterprise.strip().equals(store.creditCode(own.id()))) {
                throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.evaluation.own-only", "enterprise"));
            }
            return own;
        }
        if (!caller.isAdmin() && !office(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of(enterpriseMay ? "capital.evaluation.who"
                    : "capital.listing.office-only", null));
        }
        if (enterprise == null || enterprise.isBlank()) {
            throw Rejected.invalid(Rejection.of("required", "enterprise"));
        }
        String code = bounded(enterprise.strip());
        var firm = store.firm(enterprise.strip())
                .orElseThrow(() -> Rejected.invalid(Rejection.of("capital.evaluation.unknown-enterprise", "enterprise", code)));
        String prefix = caller.regionPrefix();
        if (prefix != null && (firm.regionCode() == null || !firm.regionCode().startsWith(prefix))) {
            throw Rejected.notFound("enterprise", code);
        }
        return firm;
    }

    @Override
    @Transactional
    public Evaluation evaluate(Caller caller, EvaluationRequest r) {
        return evaluate(caller, r, businessDate.today());
    }

    /** As {@link #evaluate(Caller, EvaluationRequest)}, on {@code asOf} (the demo's past). */
    @Transactional
    Evaluation evaluate(Caller caller, EvaluationRequest r, LocalDate asOf) {
        var firm = target(caller, r.enterprise(), true);
        List<Rejection> problems = new ArrayList<>();
        List<Rule> rules = List.of();
        if (r.board() == null) {
            problems.add(Rejection.of("required", "board"));
        } else {
            rules = store.rules(r.board(), asOf);
            if (rules.isEmpty()) {
                problems.add(Rejection.of("capital.evaluation.no-criteria", "board", r.board().name(), asOf));
            }
        }
        if (r.inventionPatents() == null) {
            problems.add(Rejection.of("required", "inventionPatents"));
        } else if (r.inventionPatents() < 0 || r.inventionPatents() > 100_000) {
            problems.add(Rejection.of("range", "inventionPatents", 0, 100_000, r.inventionPatents()));
        }
        String exception = r.exception() == null || r.exception().isBlank() ? null : r.exception().strip();
        String document = r.exceptionDocument() == null || r.exceptionDocument().isBlank() ? null
                : r.exceptionDocument().strip();
        if (exception != null && r.board() != null) {
            Set<String> allowed = store.exceptions(r.board(), asOf, false).stream().map(ExceptionRule::code)
                    .collect(Collectors.toSet());
            if (!allowed.contains(exception)) {
                problems.add(Rejection.of("capital.evaluation.exception", "exception", bounded(exception),
                        String.join(", ", allowed.stream().sorted().toList())));
            }
            if (document == null) {
                problems.add(Rejection.of("capital.evaluation.exception-document", "exceptionDocument"));
            }
        }
        if (exception == null && document != null) {
            problems.add(Rejection.of("capital.evaluation.document-without-exception", "exceptionDocument"));
        }
        if (document != null && (document.length() < 2 || document.length() > 500)) {
            problems.add(Rejection.of("length", "exceptionDocument", 2, 500));
        }
        int last = asOf.getYear() - 1;
        int first = last - 2;
        var years = store.statements(firm.id(), first, last);
        if (years.size() < 3) {
            Set<Integer> have = years.stream().map(ListingStore.YearRow::year).collect(Collectors.toSet());
            String missing = java.util.stream.IntStream.rangeClosed(first, last).filter(y -> !have.contains(y))
                    .mapToObj(Integer::toString).collect(Collectors.joining(", "));
            problems.add(Rejection.of("capital.evaluation.statements", "statements", missing));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var figures = new HardTech.Figures(years.stream().map(y -> new HardTech.Year(y.year(), y.revenue(), y.rd())).toList(),
                years.getLast().rdStaff(), firm.employees(), r.inventionPatents(), firm.industryCode());
        var result = HardTech.evaluate(rules.stream().map(x -> new HardTech.Rule(x.criterion(), x.metric(), x.threshold(),
                x.onlyIndustry(), x.exceptIndustry(), x.source())).toList(), figures, exception != null);
        long id = store.insertEvaluation(firm.id(), r.board(), asOf, figures, result, exception, document,
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "capital.evaluation", "capital_evaluation", id,
                r.board() + " " + result.outcome()));
        return store.evaluation(Caller.system(caller.username()), id).orElseThrow();
    }

    @Override
    public Page<Evaluation> evaluations(Caller caller, PageRequest page) {
        return store.evaluations(caller, page);
    }

    @Override
    public Evaluation evaluation(Caller caller, long id) {
        return store.evaluation(caller, id).orElseThrow(() -> Rejected.notFound("capital-evaluation", id));
    }

    @Override
    @Transactional
    public Entry enter(Caller caller, EntryRequest r) {
        return enter(caller, r, businessDate.today());
    }

    /** As {@link #enter(Caller, EntryRequest)}, on {@code today} (the demo's past). */
    @Transactional
    Entry enter(Caller caller, EntryRequest r, LocalDate today) {
        var firm = target(caller, r.enterprise(), false);
        List<Rejection> problems = new ArrayList<>();
        if (r.board() == null) {
            problems.add(Rejection.of("required", "board"));
        }
        Evaluation evaluation = null;
        if (r.evaluation() == null || r.evaluation().isBlank()) {
            problems.add(Rejection.of("required", "evaluation"));
        } else {
            evaluation = store.evaluationOf(firm.id(), r.evaluation().strip()).orElse(null);
            if (evaluation == null) {
                problems.add(Rejection.of("capital.listing.evaluation-unknown", "evaluation", bounded(r.evaluation().strip())));
            } else if (evaluation.asOf().plusDays(EVALUATION_VALID_DAYS).isBefore(today)) {
                problems.add(Rejection.of("capital.listing.evaluation-stale", "evaluation", evaluation.number(),
                        evaluation.asOf(), EVALUATION_VALID_DAYS));
            } else if (r.board() == ListingBoard.STAR && (evaluation.board() != ListingBoard.STAR
                    || evaluation.outcome() == HardTech.Outcome.MISSED)) {
                problems.add(Rejection.of("capital.listing.star-criteria", "evaluation", evaluation.number()));
            }
        }
        var verified = details.statuses(Caller.system(caller.username()), firm.id()).standing().verified();
        QualificationType basis = BASES.stream().filter(verified::contains).findFirst().orElse(null);
        if (basis == null) {
            problems.add(Rejection.of("capital.listing.status", "enterprise", firm.name()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (store.liveEntry(firm.id()).isPresent()) {
            throw Rejected.conflict(Rejection.of("capital.listing.live", "enterprise", firm.name()));
        }
        long id = store.insertEntry(firm.id(), r.board(), evaluation.id(), basis.name(), today, caller.username());
        audit.record(AuditEvent.success(caller.username(), "capital.listing.enter", "capital_listing_entry", id,
                r.board() + " " + evaluation.number() + " " + basis));
        return store.entry(Caller.system(caller.username()), id, false).orElseThrow();
    }

    @Override
    @Transactional
    public Entry move(Caller caller, long entryId, ListingStage stage, String note) {
        return move(caller, entryId, stage, note, businessDate.today());
    }

    /** As {@link #move(Caller, long, ListingStage, String)}, on {@code today} (the demo's past). */
    @Transactional
    Entry move(Caller caller, long entryId, ListingStage stage, String note, LocalDate today) {
        if (!caller.isAdmin() && !office(caller)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("capital.listing.office-only", null));
        }
        var entry = store.entry(caller, entryId, true).orElseThrow(() -> Rejected.notFound("listing-entry", entryId));
        if (stage == null) {
            throw Rejected.invalid(Rejection.of("required", "stage"));
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 1000) {
            throw Rejected.invalid(Rejection.of("length", "note", 0, 1000));
        }
        if (stage == ListingStage.WITHDRAWN && why == null) {
            throw Rejected.invalid(Rejection.of("capital.listing.withdraw-reason", "note"));
        }
        ListingStage next = entry.stage().to(stage).orThrow();
        store.moveEntry(entryId, entry.stage(), next, today, why, caller.username());
        audit.record(AuditEvent.success(caller.username(), "capital.listing.move", "capital_listing_entry", entryId,
                entry.stage() + " -> " + next));
        return store.entry(caller, entryId, false).orElseThrow();
    }

    @Override
    public Pipeline pipeline(Caller caller, Filter filter, PageRequest page) {
        return new Pipeline(store.entries(caller, filter, page), store.byProvince(caller, filter),
                store.byChain(caller, filter));
    }

    @Override
    public Entry entry(Caller caller, long id) {
        return store.entry(caller, id, false).orElseThrow(() -> Rejected.notFound("listing-entry", id));
    }
}
