package cn.chanrong.credit.internal;

import cn.chanrong.credit.CreditModels.Model;
import cn.chanrong.credit.CreditModels.ModelDetail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versioned scorecards ({@code credit_model}): their documents, validation reports and approval. */
@Repository
class ModelStore {

    private static final String SELECT = """
            SELECT id, name, segment, version, role, status, effective_from, trained_by, trained_at, approved_by, approved_at
              FROM credit_model""";

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version a new model of this name gets: one past the highest. */
    int nextVersion(String name) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM credit_model WHERE name = :n")
                .param("n", name).query(Integer.class).single();
    }

    /** Stores a PENDING model with its scorecard document and validation report (JSON); returns its id. */
    long insert(String name, String segment, int version, String role, String documentJson, String validationJson,
                String trainedBy) {
        return jdbc.sql("""
                        INSERT INTO credit_model (name, segment, version, role, document, validation, trained_by)
                        VALUES (:n, :s, :v, :r, CAST(:d AS jsonb), CAST(:val AS jsonb), :by) RETURNING id""")
                .param("n", name).param("s", segment).param("v", version).param("r", role)
                .param("d", documentJson).param("val", validationJson).param("by", trainedBy).query(Long.class).single();
    }

    /** Every model, newest version first. */
    List<Model> list() {
        return jdbc.sql(SELECT + " ORDER BY version DESC").query(ModelStore::map).list();
    }

    /** The model with its document and validation report as stored. */
    ModelDetail detail(Model m) {
        return jdbc.sql("SELECT document::text, validation::text FROM credit_model WHERE id = :id").param("id", m.id())
                .query((rs, i) -> new ModelDetail(m, rs.getString(1), rs.getString(2))).single();
    }

    /** Approves a PENDING model from the date on; a model no longer pending is left as it is. */
    void approve(long id, String by, LocalDate effectiveFrom) {
        jdbc.sql("""
                        UPDATE credit_model SET status = 'APPROVED', approved_by = :by, approved_at = now(), effective_from = :f
                         WHERE id = :id AND status = 'PENDING'""")
                .param("by", by).param("f", effectiveFrom).param("id", id).update();
    }

    void reject(long id) {
        jdbc.sql("UPDATE credit_model SET status = 'REJECTED' WHERE id = :id").param("id", id).update();
    }

    /** The approved champion of the segment key in force on the date: latest effective, then highest version. */
    Optional<Model> champion(String key, LocalDate date) {
        return jdbc.sql(SELECT + " " + """
                         WHERE segment = :s AND role = 'CHAMPION' AND status = 'APPROVED' AND effective_from <= :d
                         ORDER BY effective_from DESC, version DESC LIMIT 1""")
                .param("s", key).param("d", date).query(ModelStore::map).optional();
    }

    /** The model's scorecard document (JSON). */
    String document(long id) {
        return jdbc.sql("SELECT document::text FROM credit_model WHERE id = :id").param("id", id).query(String.class).single();
    }

    Optional<Model> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ModelStore::map).optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM credit_model").query(Long.class).single();
    }

    private static Model map(ResultSet rs, int i) throws SQLException {
        return new Model(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    }
}
