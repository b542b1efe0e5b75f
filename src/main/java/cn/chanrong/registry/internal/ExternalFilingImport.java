package cn.chanrong.registry.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * National-registry search results in, as CSV: every row checked (credit code, registrable type,
 * dates, identifiers or a blanket scope), all rows or none, a number imported again replaces itself.
 * Runs inside the registry's transaction.
 */
@Component
class ExternalFilingImport {

    private final ExternalFilingStore store;
    private final AuditTrail audit;

    ExternalFilingImport(ExternalFilingStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    static final List<String> EXTERNAL_HEADER = List.of("number", "registered_at", "grantor", "secured_party",
            "collateral_type", "description", "identifiers", "blanket_scope", "expires_on");

    /** A row read: every value, or null when its problems were reported. */
    private record Parsed(String number, java.time.OffsetDateTime at, String grantor, String party, String type,
                          String description, List<String> ids, String scope, LocalDate expires) {
    }

    /**
     * Reads the upload twice, a line at a time: every row checked (the first 1,000 problems listed,
     * the rest counted), then, when none is wrong, every row stored.
     */
    int importCsv(Upload file, String encoding, String actor) {
        Csv.Readable readable = Csv.open(file, encoding);
        if (readable.rejection() != null) {
            throw Rejected.invalid(readable.rejection());
        }
        FirstErrors<Rejection> problems = FirstErrors.ofRejections();
        try (Csv.Records records = readable.source().records()) {
            Csv.Row first = records.next();
            if (first == null || !first.fields().stream().map(String::strip).toList().equals(EXTERNAL_HEADER)) {
                throw Rejected.invalid(Rejection.of("registry.import.header", null, String.join(",", EXTERNAL_HEADER)));
            }
            for (Csv.Row row = records.next(); row != null; row = records.next()) {
                parse(row, problems);
            }
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("csv.malformed", null, e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int imported = 0;
        FirstErrors<Rejection> none = FirstErrors.ofRejections();
        try (Csv.Records records = readable.source().records()) {
            records.next();
            for (Csv.Row row = records.next(); row != null; row = records.next()) {
                Parsed p = parse(row, none);
                store.replace(p.number(), p.at(), p.grantor(), p.party(), p.type(), p.description(), p.scope(), p.expires(),
                        actor, p.ids());
                imported++;
            }
        }
        audit.record(AuditEvent.success(actor, "registry.import-external", "external-filings", null,
                imported + " national-registry filings"));
        return imported;
    }

    private static Parsed parse(Csv.Row row, FirstErrors<Rejection> problems) {
        List<String> f = row.fields();
        int line = row.line();
        if (f.size() != EXTERNAL_HEADER.size()) {
            problems.add(Rejection.of("registry.import.columns", null, line, EXTERNAL_HEADER.size(), f.size()));
            return null;
        }
        long before = problems.total();
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
        return problems.total() == before
                ? new Parsed(number, at, grantor, party, type, description, ids, scope, expires) : null;
    }
}
