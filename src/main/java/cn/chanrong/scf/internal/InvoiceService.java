package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.Receivables;
import cn.chanrong.scf.domain.Invoice;
import cn.chanrong.scf.domain.InvoiceCsv;
import cn.chanrong.scf.domain.InvoiceRules;
import cn.chanrong.scf.domain.InvoiceXml;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fully-digital invoices. A file is checked whole before anything is stored; a red-letter invoice
 * must reverse an invoice between the same parties by no more than what is left of it, and when
 * that invoice backs a receivable the receivable is diluted and its funder alerted.
 */
@Service
class InvoiceService {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final JdbcClient jdbc;
    private final Parties parties;
    private final Dilutions dilutions;
    private final AuditTrail audit;

    InvoiceService(JdbcClient jdbc, Parties parties, Dilutions dilutions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.dilutions = dilutions;
        this.audit = audit;
    }

    /**
     * Checks the whole file, then stores it: XML (one invoice) streamed with StAX; CSV read twice from
     * the upload, a line at a time — first every rule (the first 1,000 problems listed, the rest
     * counted), then the inserts — keeping per invoice only its number and, for a blue one, what a
     * red-letter invoice later in the file needs to be checked against it.
     */
    @Transactional
    Receivables.InvoiceImport importInvoices(Caller caller, String format, Upload content) {
        if (!caller.is(Role.ENTERPRISE) && !caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
        String own = caller.is(Role.ENTERPRISE) ? parties.enterprise(caller.enterpriseId()).orElseThrow().creditCode()
                : null;
        FirstErrors<Rejection> problems = FirstErrors.ofRejections();
        InFile inFile = new InFile();
        if ("xml".equalsIgnoreCase(format)) {
            InvoiceXml.Parsed parsed;
            try (InputStream in = content.open()) {
                parsed = InvoiceXml.parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            problems.addAll(parsed.rejections());
            Invoice invoice = parsed.invoice() != null && parsed.rejections().isEmpty() ? parsed.invoice() : null;
            if (invoice == null && problems.isEmpty()) {
                problems.add(Rejection.of("scf.invoice.empty", "file"));
            }
            if (invoice != null) {
                check(invoice, own, inFile, problems);
            }
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return store(caller, "XML", List.of(invoice));
        }
        if (!"csv".equalsIgnoreCase(format)) {
            throw Rejected.invalid(Rejection.of("scf.invoice.format", "format", format));
        }
        Csv.Readable readable = Csv.open(content, StandardCharsets.UTF_8.name());
        if (readable.rejection() != null) {
            throw Rejected.invalid(readable.rejection());
        }
        try (Csv.Records records = readable.source().records()) {
            Rejection header = InvoiceCsv.header(records.next());
            if (header != null) {
                throw Rejected.invalid(header);
            }
            for (Csv.Row record = records.next(); record != null; record = records.next()) {
                InvoiceCsv.Row row = InvoiceCsv.row(record);
                problems.addAll(row.rejections());
                if (row.ok()) {
                    check(row.invoice(), own, inFile, problems);
                }
            }
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(InvoiceCsv.unreadable(e));
        }
        if (inFile.numbers.isEmpty() && problems.isEmpty()) {
            problems.add(Rejection.of("scf.invoice.empty", "file"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<Invoice> chunk = new ArrayList<>();
        Stored stored = new Stored();
        try (Csv.Records records = readable.source().records()) {
            records.next();
            for (Csv.Row record = records.next(); record != null; record = records.next()) {
                chunk.add(InvoiceCsv.row(record).invoice());
                if (chunk.size() == 500) {
                    stored.add(store(caller, "CSV", chunk));
                    chunk.clear();
                }
            }
        }
        stored.add(store(caller, "CSV", chunk));
        audit.record(AuditEvent.success(caller.username(), "scf.invoice.import", "invoice",
                stored.numbers.size() == 1 ? stored.numbers.get(0) : stored.numbers.size() + " invoices", "CSV"));
        return new Receivables.InvoiceImport(stored.numbers.size(), stored.numbers, stored.alerts);
    }

    @Transactional
    Receivables.InvoiceImport importInvoices(Caller caller, String format, byte[] content) {
        return importInvoices(caller, format, Upload.of(content));
    }

    /** What the file's earlier invoices tell the checks of later ones. */
    private static final class InFile {
        final Set<String> numbers = new HashSet<>();
        /** Blue invoices of the file by number (null for a red one), for red-letter invoices that reverse them. */
        final Map<String, Blue> blues = new HashMap<>();
        final Map<String, BigDecimal> reversed = new HashMap<>();
    }

    /** An invoice a red-letter invoice reverses: its parties, total and what was reversed of it already. */
    private record Blue(String seller, String buyer, BigDecimal total, BigDecimal reversed) {
    }

    private static final class Stored {
        final List<String> numbers = new ArrayList<>();
        int alerts;

        void add(Receivables.InvoiceImport part) {
            numbers.addAll(part.numbers());
            alerts += part.dilutionAlerts();
        }
    }

    /** The rules between an invoice, the platform and the file's earlier invoices. */
    private void check(Invoice invoice, String own, InFile inFile, FirstErrors<Rejection> problems) {
        problems.addAll(InvoiceRules.check(invoice));
        if (!inFile.numbers.add(invoice.number()) || exists(invoice.number())) {
            problems.add(Rejection.of("scf.invoice.duplicate", "number", invoice.number()));
        }
        if (own != null && !own.equals(invoice.sellerCode()) && !own.equals(invoice.buyerCode())) {
            problems.add(Rejection.of("scf.invoice.not-a-party", "sellerCode", invoice.number()));
        }
        if (invoice.red() && invoice.originalNumber() != null) {
            checkReversal(invoice, inFile, problems);
        }
        inFile.blues.put(invoice.number(), invoice.red() ? null
                : new Blue(invoice.sellerCode(), invoice.buyerCode(), invoice.total(), BigDecimal.ZERO));
    }

    /** Inserts checked invoices; a single XML invoice is audited here, CSV files once for the whole file. */
    private Receivables.InvoiceImport store(Caller caller, String source, List<Invoice> invoices) {
        int alerts = 0;
        for (Invoice invoice : invoices) {
            jdbc.sql("""
                            INSERT INTO scf_invoice (number, issued_on, seller_code, seller_name, buyer_code, buyer_name,
                                amount, tax, total, red_letter_of, items, source, uploaded_by)
                            VALUES (:n, :d, :sc, :sn, :bc, :bn, :a, :t, :tot, :red, CAST(:items AS jsonb), :src, :by)""")
                    .param("n", invoice.number()).param("d", invoice.issuedOn()).param("sc", invoice.sellerCode())
                    .param("sn", invoice.sellerName()).param("bc", invoice.buyerCode()).param("bn", invoice.buyerName())
                    .param("a", invoice.amountExTax()).param("t", invoice.tax()).param("tot", invoice.total())
                    .param("red", invoice.red() ? invoice.originalNumber() : null)
                    .param("items", JSON.writeValueAsString(invoice.items())).param("src", source)
                    .param("by", caller.username()).update();
            if (invoice.red()) {
                alerts += dilutions.invoiceReversed(invoice.originalNumber(), invoice.number(), invoice.total().negate(),
                        caller.username());
            }
        }
        if ("XML".equals(source)) {
            audit.record(AuditEvent.success(caller.username(), "scf.invoice.import", "invoice",
                    invoices.get(0).number(), source));
        }
        return new Receivables.InvoiceImport(invoices.size(), invoices.stream().map(Invoice::number).toList(), alerts);
    }

    private boolean exists(String number) {
        return jdbc.sql("SELECT count(*) FROM scf_invoice WHERE number = :n").param("n", number).query(Long.class)
                .single() > 0;
    }

    /** A red-letter invoice reverses a blue one between the same parties, by at most what is left of it. */
    private void checkReversal(Invoice red, InFile inFile, FirstErrors<Rejection> problems) {
        String original = red.originalNumber();
        Blue blue = jdbc.sql("""
                        SELECT i.seller_code, i.buyer_code, i.total,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0)
                          FROM scf_invoice i WHERE i.number = :n AND i.red_letter_of IS NULL""")
                .param("n", original)
                .query((rs, i) -> new Blue(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .optional().orElseGet(() -> inFile.blues.get(original));
        if (blue == null) {
            problems.add(Rejection.of("scf.invoice.original-unknown", "originalNumber", original));
            return;
        }
        if (!blue.seller().equals(red.sellerCode()) || !blue.buyer().equals(red.buyerCode())) {
            problems.add(Rejection.of("scf.invoice.original-parties", "originalNumber", original));
            return;
        }
        BigDecimal reversed = blue.reversed().add(inFile.reversed.getOrDefault(original, BigDecimal.ZERO))
                .add(red.total().negate());
        if (reversed.compareTo(blue.total()) > 0) {
            problems.add(Rejection.of("scf.invoice.over-reversed", "total", red.number(), blue.total().toPlainString(),
                    reversed.toPlainString()));
        }
        inFile.reversed.merge(original, red.total().negate(), BigDecimal::add);
    }

    /**
     * Who may read an invoice: its seller and its buyer, a funder holding an offer or a financing on a
     * receivable it backs, the regulators where the seller or the buyer is registered.
     */
    static final ReadScope SCOPE = ReadScope.regulated()
            .enterpriseWhen("EXISTS (SELECT 1 FROM enterprise_region_view x WHERE x.enterprise_id = :sc_ent"
                    + " AND x.credit_code IN (i.seller_code, i.buyer_code))")
            .institutionWhen("EXISTS (SELECT 1 FROM scf_receivable r JOIN scf_financing_offer o ON o.receivable_id = r.id"
                    + " WHERE r.invoice_number IN (i.number, i.red_letter_of) AND o.institution_id = :sc_inst)")
            .regionWhen("EXISTS (SELECT 1 FROM enterprise_region_view x WHERE x.credit_code IN (i.seller_code, i.buyer_code)"
                    + " AND x.region_code LIKE :sc_region)");

    @Transactional(readOnly = true)
    Receivables.InvoiceView view(Caller caller, String number) {
        Map<String, Object> params = new java.util.HashMap<>();
        Receivables.InvoiceView v = jdbc.sql("""
                        SELECT i.number, i.issued_on, i.seller_code, i.seller_name, i.buyer_code, i.buyer_name, i.amount,
                               i.tax, i.total, i.red_letter_of,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0)
                          FROM scf_invoice i WHERE i.number = :n""" + " AND " + SCOPE.where(caller, params))
                .params(params).param("n", number)
                .query((rs, i) -> new Receivables.InvoiceView(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), rs.getBigDecimal(11)))
                .optional().orElseThrow(() -> Rejected.notFound("invoice", number));
        return v;
    }
}
