package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fully-digital invoices. A file is checked whole before anything is stored; a red-letter invoice
 * must reverse an invoice between the same parties by no more than what is left of it, and when
 * that invoice backs a receivable the receivable is diluted and its funder alerted.
 */
@Service
class InvoiceService implements cn.chanrong.scf.InvoiceRegister {

    private final InvoiceStore store;
    private final PartyStore parties;
    private final Dilutions dilutions;
    private final AuditTrail audit;

    InvoiceService(InvoiceStore store, PartyStore parties, Dilutions dilutions, AuditTrail audit) {
        this.store = store;
        this.parties = parties;
        this.dilutions = dilutions;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<InvoiceFacts> invoice(String number) {
        return number == null || !number.matches("[0-9]{20}") ? java.util.Optional.empty() : store.facts(number);
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
        final Map<String, InvoiceStore.Blue> blues = new HashMap<>();
        final Map<String, BigDecimal> reversed = new HashMap<>();
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
                : new InvoiceStore.Blue(invoice.sellerCode(), invoice.buyerCode(), invoice.total(), BigDecimal.ZERO));
    }

    /** Inserts checked invoices; a single XML invoice is audited here, CSV files once for the whole file. */
    private Receivables.InvoiceImport store(Caller caller, String source, List<Invoice> invoices) {
        int alerts = 0;
        for (Invoice invoice : invoices) {
            store.insert(invoice, source, caller.username());
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
        return store.exists(number);
    }

    /** A red-letter invoice reverses a blue one between the same parties, by at most what is left of it. */
    private void checkReversal(Invoice red, InFile inFile, FirstErrors<Rejection> problems) {
        String original = red.originalNumber();
        InvoiceStore.Blue blue = store.blue(original).orElseGet(() -> inFile.blues.get(original));
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

    @Transactional(readOnly = true)
    Receivables.InvoiceView view(Caller caller, String number) {
        return store.visible(caller, number).orElseThrow(() -> Rejected.notFound("invoice", number));
    }
}
