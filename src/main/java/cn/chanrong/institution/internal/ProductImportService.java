package cn.chanrong.institution.internal;

import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.institution.ProductImports;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProductImportService implements ProductImports {

    private final ProductService products;
    private final JdbcInstitutions institutions;

    ProductImportService(ProductService products, JdbcInstitutions institutions) {
        this.products = products;
        this.institutions = institutions;
    }

    private record Line(String code, long institutionId, ProductDraft draft, Product.Status status) {
    }

    @Override
    @Transactional
    public ImportReport importProducts(Caller caller, byte[] productFile, byte[] clauseFile, String charset) {
        if (!caller.isAdmin() && !(caller.is(Role.INSTITUTION) && caller.hasAuthority("operator"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("product.operator-only", null));
        }
        CsvTable p = CsvTable.read(productFile, charset, PRODUCT_COLUMNS, "products");
        CsvTable c = CsvTable.read(clauseFile == null || clauseFile.length == 0
                ? (CLAUSE_COLUMNS + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8) : clauseFile,
                charset, CLAUSE_COLUMNS, "clauses");
        List<ImportReport.RowError> errors = new ArrayList<>(p.errors());
        errors.addAll(c.errors());
        if (!errors.isEmpty()) {
            return new ImportReport("products", p.rows().size(), 0, 0, 0, errors);
        }
        Map<String, TreeMap<Integer, ProductDraft.Clause>> clauses = new HashMap<>();
        for (Csv.Row r : c.rows()) {
            String code = c.get(r, "product_code");
            Integer seq = null;
            try {
                seq = Integer.valueOf(String.valueOf(c.get(r, "seq")));
            } catch (NumberFormatException e) {
                errors.add(new ImportReport.RowError(r.line(), "seq", Rejection.of("integer", "seq", c.get(r, "seq"))));
            }
            if (code != null && seq != null && clauses.computeIfAbsent(code, k -> new TreeMap<>()).put(seq,
                    new ProductDraft.Clause(c.get(r, "label_zh"), c.get(r, "label_en"), c.get(r, "expression"))) != null) {
                errors.add(new ImportReport.RowError(r.line(), "seq", Rejection.of("import.duplicate-key", "seq",
                        code + " " + seq)));
            }
        }
        Map<String, Institution> byCode = new HashMap<>();
        institutions.list().forEach(i -> byCode.put(i.creditCode(), i));
        Set<String> seen = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        for (Csv.Row r : p.rows()) {
            int before = errors.size();
            String code = p.get(r, "product_code");
            Institution inst = byCode.get(String.valueOf(p.get(r, "institution_credit_code")));
            if (inst == null) {
                errors.add(new ImportReport.RowError(r.line(), "institution_credit_code",
                        Rejection.of("import.unknown-institution", "institutionCreditCode", p.get(r, "institution_credit_code"))));
                continue;
            }
            if (!caller.isAdmin() && !Long.valueOf(inst.id()).equals(caller.institutionId())) {
                errors.add(new ImportReport.RowError(r.line(), "institution_credit_code",
                        Rejection.of("product.owner-only", null)));
                continue;
            }
            if (code != null && !seen.add(code)) {
                errors.add(new ImportReport.RowError(r.line(), "product_code", Rejection.of("import.duplicate-key",
                        "code", code)));
            }
            Product.Status status = Arrays.stream(Product.Status.values())
                    .filter(s -> s.name().equals(p.get(r, "status"))).findFirst().orElse(null);
            if (status == null) {
                errors.add(new ImportReport.RowError(r.line(), "status", Rejection.of("enum", "status", p.get(r, "status"),
                        Arrays.toString(Product.Status.values()))));
            }
            List<ProductDraft.Clause> own = new ArrayList<>(clauses.getOrDefault(code, new TreeMap<>()).values());
            if (status == Product.Status.PUBLISHED && own.isEmpty()) {
                errors.add(new ImportReport.RowError(r.line(), "status", Rejection.of("product.no-clauses", "clauses")));
            }
            List<ImportReport.RowError> unread = new ArrayList<>(1);
            BigDecimal minAmount = p.amount(r, "min_amount", "minAmount", unread);
            BigDecimal maxAmount = p.amount(r, "max_amount", "maxAmount", unread);
            ProductDraft draft;
            try {
                draft = new ProductDraft(code, p.get(r, "name"), p.get(r, "name_en"), p.get(r, "type"), minAmount,
                        maxAmount, integer(p.get(r, "min_term_months")), integer(p.get(r, "max_term_months")),
                        p.get(r, "pricing"), integer(p.get(r, "spread_min_bp")), integer(p.get(r, "spread_max_bp")),
                        p.get(r, "fixed_rate_percent"), p.get(r, "security"), list(p.get(r, "target_chains")),
                        list(p.get(r, "target_sizes")), List.of(), List.of(), null, null, own);
            } catch (NumberFormatException e) {
                errors.add(new ImportReport.RowError(r.line(), "min_term_months", Rejection.of("integer", "minTermMonths",
                        e.getMessage())));
                errors.addAll(unread);
                continue;
            }
            errors.addAll(ImportReport.rowErrors(r.line(), products.check(draft, inst.id()),
                    ProductImportService::column, unread));
            if (errors.size() == before) {
                lines.add(new Line(code, inst.id(), draft, status));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport("products", p.rows().size(), 0, 0, 0, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Line l : lines) {
            Product existing = products.byCode(l.code()).orElse(null);
            Caller operator = new Caller(caller.username(), Role.INSTITUTION, null, l.institutionId(), null, null,
                    Set.of("operator"));
            if (existing != null && existing.institutionId() != l.institutionId()) {
                throw Rejected.conflict(Rejection.of("product.code-taken", "code", l.code()));
            }
            if (existing == null) {
                Product made = products.create(operator, l.draft());
                if (l.status() != Product.Status.DRAFT) {
                    products.transitionTo(operator, made.id(), l.status());
                }
                created++;
                continue;
            }
            boolean same = products.sameAs(existing, l.draft()) && existing.status() == l.status();
            if (same) {
                unchanged++;
                continue;
            }
            Product now = existing;
            if (!products.sameAs(existing, l.draft())) {
                now = products.update(operator, existing.id(), l.draft(), existing.version(), false);
            }
            if (now.status() != l.status()) {
                products.transitionTo(operator, now.id(), l.status());
            }
            updated++;
        }
        return new ImportReport("products", p.rows().size(), created, updated, unchanged, List.of());
    }

    static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("clauses")) {
            return "product_clauses.csv " + field;
        }
        return field.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("^code$", "product_code");
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static List<String> list(String s) {
        return s == null ? List.of() : Arrays.stream(s.split(";")).filter(x -> !x.isBlank()).map(String::strip).toList();
    }

}
