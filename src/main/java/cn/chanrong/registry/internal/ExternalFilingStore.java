package cn.chanrong.registry.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Filings found in the national registry ({@code registry_external_filing}) and their collateral identifiers. */
@Repository
class ExternalFilingStore {

    private final JdbcClient jdbc;

    ExternalFilingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a national-registry filing with its identifiers, replacing one imported before under the same number. */
    void replace(String number, OffsetDateTime registeredAt, String grantor, String securedParty, String collateralType,
                 String description, String blanketScope, LocalDate expiresOn, String importedBy, List<String> identifiers) {
        jdbc.sql("DELETE FROM registry_external_filing WHERE number = :n").param("n", number).update();
        long id = jdbc.sql("""
                        INSERT INTO registry_external_filing (number, registered_at, grantor, secured_party_name,
                            collateral_type, description, blanket_scope, expires_on, imported_by)
                        VALUES (:n, :at, :g, :p, :t, :d, :b, :e, :by) RETURNING id""")
                .param("n", number).param("at", registeredAt).param("g", grantor).param("p", securedParty)
                .param("t", collateralType).param("d", description).param("b", blanketScope).param("e", expiresOn)
                .param("by", importedBy).query(Long.class).single();
        for (String identifier : identifiers) {
            jdbc.sql("INSERT INTO registry_external_identifier (filing_id, identifier) VALUES (:f, :i)")
                    .param("f", id).param("i", identifier).update();
        }
    }
}
