package cn.chanrong.matching.internal;

import cn.chanrong.matching.Roadshows.Participant;
import cn.chanrong.matching.Roadshows.Roadshow;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roadshows ({@code roadshow}), the enterprises taking part and the institutions' interest in them. */
@Repository
class RoadshowStore {

    /** An institution's interest in a participating enterprise, as stored. */
    record InterestRow(long enterpriseId, long institutionId, String institutionName, BigDecimal intended, BigDecimal signed) {
    }

    private static final String COLUMNS = """
            r.id, r.chain, r.month, r.title, r.region_code, r.department, r.summary,
            (SELECT count(*) FROM roadshow_enterprise x WHERE x.roadshow_id = r.id) AS enterprises,
            (SELECT count(DISTINCT i.institution_id) FROM roadshow_interest i WHERE i.roadshow_id = r.id) AS institutions,
            (SELECT coalesce(sum(i.intended_amount), 0) FROM roadshow_interest i WHERE i.roadshow_id = r.id) AS intended,
            (SELECT coalesce(sum(i.signed_amount), 0) FROM roadshow_interest i WHERE i.roadshow_id = r.id) AS signed""";

    private final JdbcClient jdbc;

    RoadshowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Roadshow row(java.sql.ResultSet rs, List<Participant> participants,
                                List<cn.chanrong.matching.Roadshows.FollowedDeal> deals) throws java.sql.SQLException {
        return new Roadshow(rs.getLong("id"), rs.getString("chain"), rs.getObject("month", LocalDate.class),
                rs.getString("title"), rs.getString("region_code"), rs.getString("department"), rs.getString("summary"),
                rs.getLong("enterprises"), rs.getLong("institutions"), rs.getBigDecimal("intended"),
                rs.getBigDecimal("signed"), participants, deals);
    }

    /** Whether the chain has a roadshow in the month in the region already. */
    boolean exists(String chain, LocalDate month, String regionCode) {
        return jdbc.sql("SELECT count(*) FROM roadshow WHERE chain = :c AND month = :m AND region_code IS NOT DISTINCT FROM :r")
                .param("c", chain).param("m", month).param("r", regionCode).query(Long.class).single() > 0;
    }

    long insert(String chain, LocalDate month, String title, String regionCode, String department, String by, String summary) {
        return jdbc.sql("""
                        INSERT INTO roadshow (chain, month, title, region_code, department, created_by, summary)
                        VALUES (:c, :m, :t, :r, :d, :by, :s) RETURNING id""")
                .param("c", chain).param("m", month).param("t", title).param("r", regionCode)
                .param("d", department).param("by", by).param("s", summary)
                .query(Long.class).single();
    }

    /** Latest month first, of one chain when given, without participants. */
    Page<Roadshow> search(String chain, PageRequest page) {
        List<Roadshow> out = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM roadshow r WHERE (CAST(:c AS text) IS NULL OR r.chain = :c)"
                        + " ORDER BY r.month DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .param("c", chain).param("limit", page.size())
                .param("offset", page.offset())
                .query(rs -> {
                    out.add(row(rs, List.of(), List.of()));
                });
        long total = jdbc.sql("SELECT count(*) FROM roadshow r WHERE (CAST(:c AS text) IS NULL OR r.chain = :c)")
                .param("c", chain).query(Long.class).single();
        return new Page<>(out, page.page(), page.size(), total);
    }

    /** The enterprises taking part by id, in the order they applied, each with an empty list of interests. */
    Map<Long, Participant> participants(long id) {
        Map<Long, Participant> participants = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT x.enterprise_id, e.name, x.pitch, x.seeking FROM roadshow_enterprise x
                        JOIN enterprise_party_view e ON e.id = x.enterprise_id WHERE x.roadshow_id = :id ORDER BY x.applied_at""")
                .param("id", id)
                .query(rs -> {
                    participants.put(rs.getLong(1), new Participant(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4), new ArrayList<>()));
                });
        return participants;
    }

    /** Every institution's interest in the roadshow's enterprises, oldest first. */
    List<InterestRow> interests(long id) {
        return jdbc.sql("""
                        SELECT i.enterprise_id, i.institution_id, t.name, i.intended_amount, i.signed_amount
                        FROM roadshow_interest i JOIN institution_party_view t ON t.id = i.institution_id
                        WHERE i.roadshow_id = :id ORDER BY i.at""")
                .param("id", id)
                .query((rs, n) -> new InterestRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).list();
    }

    /** The equity deals opened on the roadshow's enterprises that name it, oldest first. */
    List<cn.chanrong.matching.Roadshows.FollowedDeal> deals(long id) {
        return jdbc.sql("""
                        SELECT d.number, d.institution_id, i.name, d.enterprise_id, e.name, d.stage, d.amount, d.invested_on
                          FROM capital_deal_view d JOIN institution_party_view i ON i.id = d.institution_id
                          JOIN enterprise_party_view e ON e.id = d.enterprise_id
                         WHERE d.roadshow_id = :id ORDER BY d.deal_id""")
                .param("id", id)
                .query((rs, n) -> new cn.chanrong.matching.Roadshows.FollowedDeal(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class)))
                .list();
    }

    /** The roadshow with these participants and deals. */
    Optional<Roadshow> find(long id, List<Participant> participants, List<cn.chanrong.matching.Roadshows.FollowedDeal> deals) {
        List<Roadshow> found = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM roadshow r WHERE r.id = :id").param("id", id)
                .query(rs -> {
                    found.add(row(rs, participants, deals));
                });
        return found.stream().findFirst();
    }

    /** Records an enterprise's application; false when it had applied already. */
    boolean insertParticipant(long id, long enterpriseId, String pitch, BigDecimal seeking) {
        return jdbc.sql("""
                        INSERT INTO roadshow_enterprise (roadshow_id, enterprise_id, pitch, seeking)
                        VALUES (:r, :e, :p, :s) ON CONFLICT DO NOTHING""")
                .param("r", id).param("e", enterpriseId).param("p", pitch).param("s", seeking).update() != 0;
    }

    boolean participates(long id, long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM roadshow_enterprise WHERE roadshow_id = :r AND enterprise_id = :e")
                .param("r", id).param("e", enterpriseId).query(Long.class).single() != 0;
    }

    /** Records the amount an institution intends to lend an enterprise, replacing what it said before. */
    void upsertInterest(long id, long enterpriseId, Long institutionId, BigDecimal intended, String by) {
        jdbc.sql("""
                        INSERT INTO roadshow_interest (roadshow_id, enterprise_id, institution_id, intended_amount, by_user)
                        VALUES (:r, :e, :i, :a, :by)
                        ON CONFLICT (roadshow_id, enterprise_id, institution_id) DO UPDATE SET intended_amount = excluded.intended_amount""")
                .param("r", id).param("e", enterpriseId).param("i", institutionId).param("a", intended)
                .param("by", by).update();
    }

    /** Records the amount signed on an institution's interest; false when it registered none. */
    boolean recordSigned(long id, long enterpriseId, Long institutionId, BigDecimal signed) {
        return jdbc.sql("""
                        UPDATE roadshow_interest SET signed_amount = :a
                        WHERE roadshow_id = :r AND enterprise_id = :e AND institution_id = :i""")
                .param("a", signed).param("r", id).param("e", enterpriseId).param("i", institutionId).update() != 0;
    }

    void summarise(long id, String summary) {
        jdbc.sql("UPDATE roadshow SET summary = :s WHERE id = :id").param("s", summary).param("id", id).update();
    }
}
