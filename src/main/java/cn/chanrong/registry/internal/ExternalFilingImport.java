package cn.chanrong.registry.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * National-registry search results in, as CSV: every row checked (credit code, registrable type,
 * dates, identifiers or a blanket scope), all rows or none, a number imported again replaces itself.
 * Runs inside the registry's transaction.
 */
@Component
class ExternalFilingImport {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ExternalFilingImport(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    static final List<String> EXTERNAL_HEADER = List.of("number", "registered_at", "grantor", "secured_party",
            "collateral_type", "description", "identifiers", "blanket_scope", "expires_on");

    int importCsv(String csvText, String actor) {
        List<cn.chanrong.shared.Csv.Row> rows = cn.chanrong.shared.Csv.parse(csvText == null ? "" : csvText);
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).toList().equals(EXTERNAL_HEADER)) {
            throw Rejected.invalid(Rejection.of("registry.import.header", null, String.join(",", EXTERNAL_HEADER)));
        }
        List<Rejection> problems = new ArrayList<>();
        record Parsed(String number, java.time.OffsetDateTime at, String grantor, String party, String type, String description,
                      List<String> ids, String scope, LocalDate expires) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (cn.chanrong.shared.Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            int line = row.line();
            if (f.size() != EXTERNAL_HEADER.size()) {
                problems.add(Rejection.of("registry.import.columns", null, line, EXTERNAL_HEADER.size(), f.size()));
                continue;
            }
            int before = problems.size();
            String number = f.get(0).strip();
            if (number.length() < 4 || number.length() > 40) {
                problems.add(Rejection.of("registry.import.row", "number", line, number));
            }
            java.time.OffsetDateTime at = null;
            try {
                at = java.time.OffsetDateTime.parse(f.get(1).strip());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(Rejection.of("registry.import.row", "registeredAt", line, f.get(1)));
            }
            String grantor = f.get(2).strip();
            cn.chanrong.shared.CreditCode.check(grantor, "grantor").ifPresent(r -> problems.add(
                    Rejection.of("registry.import.row", "grantor", line, grantor)));
            String party = f.get(3).strip();
            if (party.length() < 2) {
                problems.add(Rejection.of("registry.import.row", "securedParty", line, party));
            }
            String type = f.get(4).strip();
            if (CollateralType.parse(type).isEmpty()) {
                problems.add(Rejection.of("registry.import.row", "collateralType", line, type));
            }
            String description = f.get(5).strip();
            if (description.isEmpty() || description.length() > 2000) {
                problems.add(Rejection.of("registry.import.row", "description", line, description));
            }
            List<String> ids = java.util.Arrays.stream(f.get(6).split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .distinct().toList();
            String scope = f.get(7).isBlank() ? null : f.get(7).strip();
            if (ids.isEmpty() && scope == null) {
                problems.add(Rejection.of("registry.import.row", "identifiers", line, ""));
            }
            LocalDate expires = null;
            try {
                expires = LocalDate.parse(f.get(8).strip());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(Rejection.of("registry.import.row", "expiresOn", line, f.get(8)));
            }
            if (problems.size() == before) {
                parsed.add(new Parsed(number, at, grantor, party, type, description, ids, scope, expires));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        for (Parsed p : parsed) {
            jdbc.sql("DELETE FROM registry_external_filing WHERE number = :n").param("n", p.number()).update();
            long id = jdbc.sql("""
                            INSERT INTO registry_external_filing (number, registered_at, grantor, secured_party_name,
                                collateral_type, description, blanket_scope, expires_on, imported_by)
                            VALUES (:n, :at, :g, :p, :t, :d, :b, :e, :by) RETURNING id""")
                    .param("n", p.number()).param("at", p.at()).param("g", p.grantor()).param("p", p.party())
                    .param("t", p.type()).param("d", p.description()).param("b", p.scope()).param("e", p.expires())
                    .param("by", actor).query(Long.class).single();
            for (String identifier : p.ids()) {
                jdbc.sql("INSERT INTO registry_external_identifier (filing_id, identifier) VALUES (:f, :i)")
                        .param("f", id).param("i", identifier).update();
            }
        }
        audit.record(AuditEvent.success(actor, "registry.import-external", "external-filings", null,
                parsed.size() + " national-registry filings"));
        return parsed.size();
    }
}
