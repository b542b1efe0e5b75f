package cn.chanrong.policy.internal;

import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Programmes ({@code policy_programme}) and their versions ({@code policy_programme_version}). */
@Component
class ProgrammeStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProgrammeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Row(long id, String code, String kind, String issuer, String regionCode, String name, String nameEn, String source) {
    }

    record VersionRow(long programmeId, int version, LocalDate effectiveFrom, Map<String, Object> terms,
                      Map<String, Object> eligibility, String note, String createdBy, Instant createdAt) {
    }

    private static final String COLUMNS = "SELECT id, code, kind, issuer, region_code, name, name_en, source FROM policy_programme";

    Page<Row> list(String kind, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String where = kind == null ? "TRUE" : "kind = :kind";
        if (kind != null) {
            p.put("kind", kind);
        }
        List<Row> items = jdbc.sql(COLUMNS + " WHERE " + where + " ORDER BY kind, code LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(ProgrammeStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_programme WHERE " + where).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Row> find(long id, boolean lock) {
        return jdbc.sql(COLUMNS + " WHERE id = :id" + (lock ? " FOR UPDATE" : "")).param("id", id)
                .query(ProgrammeStore::row).optional();
    }

    Optional<Row> byCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = :c").param("c", code).query(ProgrammeStore::row).optional();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM policy_programme WHERE code = :c)").param("c", code)
                .query(Boolean.class).single();
    }

    long insert(String code, String kind, String issuer, String regionCode, String name, String nameEn, String source, String by) {
        return jdbc.sql("""
                        INSERT INTO policy_programme (code, kind, issuer, region_code, name, name_en, source, created_by)
                        VALUES (:c, :k, :i, :r, :n, :ne, :s, :by) RETURNING id""")
                .param("c", code).param("k", kind).param("i", issuer).param("r", regionCode).param("n", name)
                .param("ne", nameEn).param("s", source).param("by", by).query(Long.class).single();
    }

    /** The next version of a programme locked by {@link #find}. */
    int addVersion(long programmeId, LocalDate from, Map<String, Object> terms, Map<String, Object> eligibility, String note,
                   String by) {
        int version = jdbc.sql("SELECT COALESCE(max(version), 0) + 1 FROM policy_programme_version WHERE programme_id = :p")
                .param("p", programmeId).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO policy_programme_version (programme_id, version, effective_from, terms, eligibility, note,
                            created_by)
                        VALUES (:p, :v, :f, CAST(:t AS jsonb), CAST(:e AS jsonb), :n, :by)""")
                .param("p", programmeId).param("v", version).param("f", from).param("t", json.writeValueAsString(terms))
                .param("e", json.writeValueAsString(eligibility)).param("n", note).param("by", by).update();
        return version;
    }

    /** The versions of the programmes, oldest first. */
    private static final java.util.Set<String> INSTITUTION_TYPES = java.util.Arrays.stream(
            cn.chanrong.institution.InstitutionType.values()).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A programme's versions read as typed terms and eligibility (stored rows were checked when written). */
    List<cn.chanrong.policy.domain.ProgrammeVersions.Version> parsedVersions(long programmeId,
                                                                         cn.chanrong.policy.domain.ProgrammeKind kind) {
        return versions(List.of(programmeId)).getOrDefault(programmeId, List.of()).stream()
                .map(v -> new cn.chanrong.policy.domain.ProgrammeVersions.Version(v.version(), v.effectiveFrom(),
                        cn.chanrong.policy.domain.Terms.parse(kind, v.terms(), new java.util.ArrayList<>()),
                        cn.chanrong.policy.domain.Eligibility.parse(v.eligibility(), INSTITUTION_TYPES, new java.util.ArrayList<>())))
                .toList();
    }

    Map<Long, List<VersionRow>> versions(List<Long> programmeIds) {
        Map<Long, List<VersionRow>> out = new HashMap<>();
        if (programmeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT programme_id, version, effective_from, terms::text, eligibility::text, note, created_by, created_at
                          FROM policy_programme_version WHERE programme_id IN (:ids) ORDER BY programme_id, effective_from, version""")
                .param("ids", programmeIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), x -> new java.util.ArrayList<>()).add(new VersionRow(rs.getLong(1),
                            rs.getInt(2), rs.getObject(3, LocalDate.class), map(rs.getString(4)), map(rs.getString(5)),
                            rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant()));
                });
        return out;
    }

    private Map<String, Object> map(String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }
}
