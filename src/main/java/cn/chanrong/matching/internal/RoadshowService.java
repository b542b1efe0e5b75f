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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roadshows: regulators hold them, enterprises apply, institutions register interest and signed amounts. */
@Service
class RoadshowService implements Roadshows {

    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RoadshowService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
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
        if (jdbc.sql("SELECT count(*) FROM roadshow WHERE chain = :c AND month = :m AND region_code IS NOT DISTINCT FROM :r")
                .param("c", chain).param("m", month).param("r", caller.regionCode()).query(Long.class).single() > 0) {
            throw Rejected.conflict(Rejection.of("roadshow.exists", "month", chain, r.month().strip()));
        }
        long id = jdbc.sql("""
                        INSERT INTO roadshow (chain, month, title, region_code, department, created_by, summary)
                        VALUES (:c, :m, :t, :r, :d, :by, :s) RETURNING id""")
                .param("c", chain).param("m", month).param("t", r.title().strip()).param("r", caller.regionCode())
                .param("d", caller.department()).param("by", caller.username())
                .param("s", r.summary() == null || r.summary().isBlank() ? null : r.summary().strip())
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "roadshow.create", "roadshow", id, chain + " " + month));
        return get(caller, id);
    }

    private static final String COLUMNS = """
            r.id, r.chain, r.month, r.title, r.region_code, r.department, r.summary,
            (SELECT count(*) FROM roadshow_enterprise x WHERE x.roadshow_id = r.id) AS enterprises,
            (SELECT count(DISTINCT i.institution_id) FROM roadshow_interest i WHERE i.roadshow_id = r.id) AS institutions,
            (SELECT coalesce(sum(i.intended_amount), 0) FROM roadshow_interest i WHERE i.roadshow_id = r.id) AS intended,
            (SELECT coalesce(sum(i.signed_amount), 0) FROM roadshow_interest i WHERE i.roadshow_id = r.id) AS signed""";

    private Roadshow row(java.sql.ResultSet rs, List<Participant> participants) throws java.sql.SQLException {
        return new Roadshow(rs.getLong("id"), rs.getString("chain"), rs.getObject("month", LocalDate.class),
                rs.getString("title"), rs.getString("region_code"), rs.getString("department"), rs.getString("summary"),
                rs.getLong("enterprises"), rs.getLong("institutions"), rs.getBigDecimal("intended"),
                rs.getBigDecimal("signed"), participants);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Roadshow> search(Caller caller, String chain, PageRequest page) {
        List<Roadshow> out = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM roadshow r WHERE (CAST(:c AS text) IS NULL OR r.chain = :c)"
                        + " ORDER BY r.month DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .param("c", chain == null || chain.isBlank() ? null : chain.strip()).param("limit", page.size())
                .param("offset", page.offset())
                .query(rs -> {
                    out.add(row(rs, List.of()));
                });
        long total = jdbc.sql("SELECT count(*) FROM roadshow r WHERE (CAST(:c AS text) IS NULL OR r.chain = :c)")
                .param("c", chain == null || chain.isBlank() ? null : chain.strip()).query(Long.class).single();
        return new Page<>(out, page.page(), page.size(), total);
    }

    /**
     * Everyone signed in sees an event and who takes part; an institution sees only its own interests,
     * an enterprise only those in itself; regulators and administrators see all.
     */
    @Override
    @Transactional(readOnly = true)
    public Roadshow get(Caller caller, long id) {
        Map<Long, Participant> participants = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT x.enterprise_id, e.name, x.pitch, x.seeking FROM roadshow_enterprise x
                        JOIN enterprise_party_view e ON e.id = x.enterprise_id WHERE x.roadshow_id = :id ORDER BY x.applied_at""")
                .param("id", id)
                .query(rs -> {
                    participants.put(rs.getLong(1), new Participant(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4), new ArrayList<>()));
                });
        boolean all = caller.isAdmin() || caller.is(Role.REGULATOR);
        jdbc.sql("""
                        SELECT i.enterprise_id, i.institution_id, t.name, i.intended_amount, i.signed_amount
                        FROM roadshow_interest i JOIN institution_party_view t ON t.id = i.institution_id
                        WHERE i.roadshow_id = :id ORDER BY i.at""")
                .param("id", id)
                .query(rs -> {
                    long ent = rs.getLong(1);
                    long inst = rs.getLong(2);
                    boolean mine = all || (caller.institutionId() != null && caller.institutionId() == inst)
                            || (caller.enterpriseId() != null && caller.enterpriseId() == ent);
                    if (mine) {
                        participants.get(ent).interests().add(new Interest(inst, rs.getString(3), rs.getBigDecimal(4),
                                rs.getBigDecimal(5)));
                    }
                });
        List<Roadshow> found = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM roadshow r WHERE r.id = :id").param("id", id)
                .query(rs -> {
                    found.add(row(rs, List.copyOf(participants.values())));
                });
        return found.stream().findFirst().orElseThrow(() -> Rejected.notFound("roadshow", id));
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
        int n = jdbc.sql("""
                        INSERT INTO roadshow_enterprise (roadshow_id, enterprise_id, pitch, seeking)
                        VALUES (:r, :e, :p, :s) ON CONFLICT DO NOTHING""")
                .param("r", id).param("e", caller.enterpriseId()).param("p", pitch).param("s", amount).update();
        if (n == 0) {
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
        jdbc.sql("""
                        INSERT INTO roadshow_interest (roadshow_id, enterprise_id, institution_id, intended_amount, by_user)
                        VALUES (:r, :e, :i, :a, :by)
                        ON CONFLICT (roadshow_id, enterprise_id, institution_id) DO UPDATE SET intended_amount = excluded.intended_amount""")
                .param("r", id).param("e", enterpriseId).param("i", caller.institutionId()).param("a", amount)
                .param("by", caller.username()).update();
        audit.record(AuditEvent.success(caller.username(), "roadshow.interest", "roadshow", id,
                "enterprise " + enterpriseId + " intended " + amount.toPlainString()));
        return get(caller, id);
    }

    private void requireParticipant(long id, long enterpriseId) {
        if (jdbc.sql("SELECT count(*) FROM roadshow_enterprise WHERE roadshow_id = :r AND enterprise_id = :e")
                .param("r", id).param("e", enterpriseId).query(Long.class).single() == 0) {
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
        int n = jdbc.sql("""
                        UPDATE roadshow_interest SET signed_amount = :a
                        WHERE roadshow_id = :r AND enterprise_id = :e AND institution_id = :i""")
                .param("a", amount).param("r", id).param("e", enterpriseId).param("i", caller.institutionId()).update();
        if (n == 0) {
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
        jdbc.sql("UPDATE roadshow SET summary = :s WHERE id = :id").param("s", summary.strip()).param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "roadshow.summary", "roadshow", id, null));
        return get(caller, id);
    }
}
