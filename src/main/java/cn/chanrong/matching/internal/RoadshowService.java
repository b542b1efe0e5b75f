package cn.chanrong.matching.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.matching.Roadshows;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roadshows: regulators hold them, enterprises apply, institutions register interest and signed amounts. */
@Service
class RoadshowService implements Roadshows {

    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final RoadshowStore store;
    private final AuditTrail audit;

    RoadshowService(RoadshowStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    private static void requireRegulator(Caller c) {
        if (!c.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("roadshow.regulator-only", null));
        }
    }

    @Override
    @Transactional
    public Roadshow create(Caller caller, Request r) {
        requireRegulator(caller);
        List<Rejection> problems = new ArrayList<>();
        if (r.chain() == null || ChainTag.parse(r.chain().strip()).isEmpty()) {
            problems.add(Rejection.of("enum", "chain", String.valueOf(r.chain()), java.util.Arrays.toString(ChainTag.values())));
        }
        LocalDate month = null;
        try {
            month = r.month() == null ? null : YearMonth.parse(r.month().strip()).atDay(1);
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("roadshow.month", "month", r.month()));
        }
        if (r.month() == null) {
            problems.add(Rejection.of("required", "month"));
        }
        if (r.title() == null || r.title().strip().length() < 2 || r.title().length() > 200) {
            problems.add(Rejection.of("length", "title", 2, 200));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        String chain = r.chain().strip();
        if (store.exists(chain, month, caller.regionCode())) {
            throw Rejected.conflict(Rejection.of("roadshow.exists", "month", chain, r.month().strip()));
        }
        long id = store.insert(chain, month, r.title().strip(), caller.regionCode(), caller.department(), caller.username(),
                r.summary() == null || r.summary().isBlank() ? null : r.summary().strip());
        audit.record(AuditEvent.success(caller.username(), "roadshow.create", "roadshow", id, chain + " " + month));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Roadshow> search(Caller caller, String chain, PageRequest page) {
        return store.search(chain == null || chain.isBlank() ? null : chain.strip(), page);
    }

    /**
     * Everyone signed in sees an event and who takes part; an institution sees only its own interests,
     * an enterprise only those in itself; regulators and administrators see all.
     */
    @Override
    @Transactional(readOnly = true)
    public Roadshow get(Caller caller, long id) {
        Map<Long, Participant> participants = store.participants(id);
        boolean all = caller.isAdmin() || caller.is(Role.REGULATOR);
        for (RoadshowStore.InterestRow i : store.interests(id)) {
            long ent = i.enterpriseId();
            long inst = i.institutionId();
            boolean mine = all || (caller.institutionId() != null && caller.institutionId() == inst)
                    || (caller.enterpriseId() != null && caller.enterpriseId() == ent);
            if (mine) {
                participants.get(ent).interests().add(new Interest(inst, i.institutionName(), i.intended(), i.signed()));
            }
        }
        // the deals that followed, as the interests: regulators and administrators all, a party its own
        var deals = store.deals(id).stream().filter(d -> all
                || caller.institutionId() != null && caller.institutionId() == d.institutionId()
                || caller.enterpriseId() != null && caller.enterpriseId() == d.enterpriseId()).toList();
        return store.find(id, List.copyOf(participants.values()), deals)
                .orElseThrow(() -> Rejected.notFound("roadshow", id));
    }

    @Override
    @Transactional
    public Roadshow apply(Caller caller, long id, String pitch, BigDecimal seeking) {
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("roadshow.enterprise-only", null));
        }
        get(caller, id);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = seeking == null ? null : Amounts.check(seeking, "seeking", false, MAX, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("need.amount-positive", "seeking", seeking.toPlainString()));
        }
        if (pitch != null && pitch.length() > 1000) {
            problems.add(Rejection.of("length", "pitch", 0, 1000));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!store.insertParticipant(id, caller.enterpriseId(), pitch, amount)) {
            throw Rejected.conflict(Rejection.of("roadshow.applied", null, id));
        }
        audit.record(AuditEvent.success(caller.username(), "roadshow.apply", "roadshow", id, "enterprise " + caller.enterpriseId()));
        return get(caller, id);
    }

    @Override
    @Transactional
    public Roadshow registerInterest(Caller caller, long id, long enterpriseId, BigDecimal intendedAmount) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("roadshow.institution-only", null));
        }
        requireParticipant(id, enterpriseId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(intendedAmount, "intendedAmount", false, MAX, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("need.amount-positive", "intendedAmount", "0"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        store.upsertInterest(id, enterpriseId, caller.institutionId(), amount, caller.username());
        audit.record(AuditEvent.success(caller.username(), "roadshow.interest", "roadshow", id,
                "enterprise " + enterpriseId + " intended " + amount.toPlainString()));
        return get(caller, id);
    }

    private void requireParticipant(long id, long enterpriseId) {
        if (!store.participates(id, enterpriseId)) {
            throw Rejected.invalid(Rejection.of("roadshow.not-participant", "enterpriseId", enterpriseId));
        }
    }

    @Override
    @Transactional
    public Roadshow recordSigned(Caller caller, long id, long enterpriseId, BigDecimal signedAmount) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("roadshow.institution-only", null));
        }
        requireParticipant(id, enterpriseId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(signedAmount, "signedAmount", false, MAX, problems);
        if (amount != null && amount.signum() == 0) {
            problems.add(Rejection.of("need.amount-positive", "signedAmount", "0"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!store.recordSigned(id, enterpriseId, caller.institutionId(), amount)) {
            throw Rejected.invalid(Rejection.of("roadshow.no-interest", "enterpriseId", enterpriseId));
        }
        audit.record(AuditEvent.success(caller.username(), "roadshow.signed", "roadshow", id,
                "enterprise " + enterpriseId + " signed " + amount.toPlainString()));
        return get(caller, id);
    }

    @Override
    @Transactional
    public Roadshow summarise(Caller caller, long id, String summary) {
        requireRegulator(caller);
        Roadshow r = get(caller, id);
        if (!caller.department().equals(r.department())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("roadshow.organiser-only", null));
        }
        if (summary == null || summary.isBlank() || summary.length() > 4000) {
            throw Rejected.invalid(Rejection.of("length", "summary", 1, 4000));
        }
        store.summarise(id, summary.strip());
        audit.record(AuditEvent.success(caller.username(), "roadshow.summary", "roadshow", id, null));
        return get(caller, id);
    }
}
