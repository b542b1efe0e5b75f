package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Facilities;
import cn.chanrong.lending.Facility;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
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

@Service
class FacilityService implements Facilities {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");

    private final FacilityStore store;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    private final RestrictedCredit restricted;

    FacilityService(FacilityStore store, AuditTrail audit, BusinessDate businessDate, RestrictedCredit restricted) {
        this.restricted = restricted;
        this.store = store;
        this.audit = audit;
        this.businessDate = businessDate;
    }

    @Override
    @Transactional
    public Facility open(Caller caller, Request r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("lending.positive", "amount", r.amount().toPlainString()));
        }
        if ((r.borrowerId() == null) == (r.groupId() == null)) {
            problems.add(Rejection.of("lending.facility.borrower-or-group", "borrowerId"));
        } else if (r.borrowerId() != null && !store.enterpriseExists(r.borrowerId())) {
            problems.add(Rejection.of("not-found", "borrowerId", "enterprise", r.borrowerId()));
        } else if (r.groupId() != null && !store.groupExists(r.groupId())) {
            problems.add(Rejection.of("not-found", "groupId", "enterprise group", r.groupId()));
        }
        if (r.borrowerId() != null && problems.isEmpty()) {
            // a credit line is credit: none for a firm under an eliminated (淘汰类) entry
            restricted.refusal(r.borrowerId(), cn.chanrong.reference.domain.RestrictedIndustryPolicy.Use.OTHER, "borrowerId")
                    .ifPresent(problems::add);
        }
        LocalDate from = r.validFrom() == null ? businessDate.today() : r.validFrom();
        if (r.validTo() == null) {
            problems.add(Rejection.of("required", "validTo"));
        } else if (!r.validTo().isAfter(from)) {
            problems.add(Rejection.of("range.reversed", "validTo", from, r.validTo()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.open(caller.institutionId(), r.borrowerId(), r.groupId(), amount,
                r.revolving() == null || r.revolving(), from, r.validTo(), caller.username());
        audit.record(AuditEvent.success(caller.username(), "facility.open", "facility", id,
                (r.groupId() == null ? "borrower " + r.borrowerId() : "group " + r.groupId()) + " amount " + amount));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Facility get(Caller caller, long id) {
        return store.find(caller, id).orElseThrow(() -> Rejected.notFound("facility", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Facility> search(Caller caller, Long borrowerId, PageRequest page) {
        return store.search(caller, borrowerId, page);
    }

    @Override
    public java.util.List<Facility> drawable(Caller caller) {
        return store.drawable(caller, businessDate.today());
    }

    /**
     * Draws a contract's principal: on the borrower's group line at the institution when there is one,
     * then on the cited facility. Rows are locked group line first, so two draws never deadlock; each
     * must be active and valid on {@code date}, the cited one must be the borrower's (or its group's),
     * and both must have the amount available.
     */
    void draw(Long facilityId, long institutionId, long borrowerId, BigDecimal amount, LocalDate date) {
        Long groupLine = groupLine(institutionId, borrowerId);
        if (groupLine != null && !groupLine.equals(facilityId)) {
            drawOn(store.lock(groupLine), amount, date);
        }
        if (facilityId != null) {
            Long group = store.groupOf(borrowerId);
            Facility f = store.lock(facilityId);
            boolean belongs = f != null && f.institutionId() == institutionId
                    && (Long.valueOf(borrowerId).equals(f.borrowerId()) || group != null && group.equals(f.groupId()));
            if (!belongs) {
                throw Rejected.invalid(Rejection.of("lending.facility.other", "facilityId", facilityId));
            }
            drawOn(f, amount, date);
        }
    }

    private Long groupLine(long institutionId, long borrowerId) {
        return store.groupLineOf(institutionId, borrowerId);
    }

    private void drawOn(Facility f, BigDecimal amount, LocalDate date) {
        if (!"ACTIVE".equals(f.status()) || date.isBefore(f.validFrom()) || date.isAfter(f.validTo())) {
            throw Rejected.invalid(Rejection.of("lending.facility.inactive", "facilityId", f.id(), f.validFrom(),
                    f.validTo()));
        }
        if (f.available().compareTo(amount) < 0) {
            throw Rejected.invalid(Rejection.of(f.groupId() != null ? "lending.facility.group-exceeded"
                    : "lending.facility.exceeded", "amount", amount.toPlainString(), f.available().toPlainString()));
        }
        store.draw(f.id(), amount);
    }

    /** Gives repaid principal back to the revolving lines it was drawn on: the group's and the cited one. */
    void restore(Long facilityId, long institutionId, long borrowerId, BigDecimal principal) {
        if (principal.signum() <= 0) {
            return;
        }
        Long groupLine = groupLine(institutionId, borrowerId);
        for (Long id : new java.util.LinkedHashSet<>(java.util.Arrays.asList(groupLine, facilityId))) {
            if (id != null) {
                store.restore(id, principal);
            }
        }
    }
}
