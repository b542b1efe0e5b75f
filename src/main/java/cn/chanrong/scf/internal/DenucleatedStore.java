package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.scf.Denucleated.AssetCredit;
import cn.chanrong.scf.Denucleated.Assessment;
import cn.chanrong.scf.Denucleated.DataCredit;
import cn.chanrong.scf.Denucleated.RegistryCheck;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** De-nucleated assessments as stored (the decision's sources as JSON): read within the caller's scope, made, locked, funded. */
@Component
class DenucleatedStore {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();
    private static final String COLUMNS = """
            d.id, d.enterprise_id, e.name, d.institution_id, i.name, d.basis, d.buyer_name, d.buyer_code, d.document_no,
            d.document_amount, d.amount, d.maturity, d.outcome, d.decision, d.loan_id, d.filing_number, d.created_at""";
    private static final String FROM = " FROM scf_denucleated d JOIN enterprise_party_view e ON e.id = d.enterprise_id"
            + " JOIN institution_party_view i ON i.id = d.institution_id";

    /** What is stored in the {@code decision} column. */
    record Stored(BigDecimal capacity, DataCredit dataCredit, AssetCredit assetCredit, RegistryCheck registry,
                  List<String> reasons) {
    }

    private final JdbcClient jdbc;

    DenucleatedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code decision} column's text for {@code stored}. */
    static String json(Stored stored) {
        return JSON.writeValueAsString(stored);
    }

    private static Assessment map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Stored s = JSON.readValue(rs.getString(14), Stored.class);
        OffsetDateTime at = rs.getObject(17, OffsetDateTime.class);
        return new Assessment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBigDecimal(10),
                rs.getBigDecimal(11), rs.getObject(12, LocalDate.class), rs.getString(13), s.capacity(), s.dataCredit(),
                s.assetCredit(), s.registry(), s.reasons(), (Long) rs.getObject(15), rs.getString(16),
                at == null ? null : at.toInstant());
    }

    /** Who may read an assessment: the institution that made it, the enterprise, the financial regulators in region. */
    static final ReadScope SCOPE = ReadScope.customerData().institution("d.institution_id").enterprise("d.enterprise_id");

    private static String visible(Caller caller, Map<String, Object> params) {
        return SCOPE.where(caller, params);
    }

    Assessment get(Caller caller, long id) {
        Map<String, Object> params = new HashMap<>();
        String where = visible(caller, params);
        params.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id = :id AND " + where).params(params)
                .query(DenucleatedStore::map).optional().orElseThrow(() -> Rejected.notFound("assessment", id));
    }

    Page<Assessment> search(Caller caller, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = " WHERE " + visible(caller, params);
        long total = jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return new Page<>(jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY d.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(DenucleatedStore::map).list(), page.page(), page.size(), total);
    }

    /** Stores an assessment; returns its id. */
    long insert(long enterpriseId, long institutionId, String basis, String buyerName, String buyerCode,
                String documentNo, BigDecimal documentAmount, BigDecimal amount, LocalDate maturity, Stored decision,
                String outcome, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_denucleated (enterprise_id, institution_id, basis, buyer_name, buyer_code, document_no,
                            document_amount, amount, maturity, decision, outcome, created_by)
                        VALUES (:e, :i, :b, :bn, :bc, :doc, :da, :a, :m, CAST(:d AS jsonb), :o, :by) RETURNING id""")
                .param("e", enterpriseId).param("i", institutionId).param("b", basis).param("bn", buyerName)
                .param("bc", buyerCode).param("doc", documentNo).param("da", documentAmount)
                .param("a", amount).param("m", maturity).param("d", json(decision))
                .param("o", outcome).param("by", by).query(Long.class).single();
    }

    /** Locks the assessment's row for the rest of the transaction. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM scf_denucleated WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    /** Records the loan that funded the assessment and its registry filings. */
    void markFunded(long id, long loanId, String filingNumbers) {
        jdbc.sql("UPDATE scf_denucleated SET loan_id = :l, filing_number = :f WHERE id = :id").param("l", loanId)
                .param("f", filingNumbers).param("id", id).update();
    }
}
