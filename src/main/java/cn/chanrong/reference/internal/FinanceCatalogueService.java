package cn.chanrong.reference.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.reference.FinanceCatalogues;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.reference.domain.CatalogueItemRow;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalogues held in memory (a few hundred items) and read again after an import. An import is checked whole —
 * the file, every row, duplicate codes, every item's parent present in the edition or the file — and written only
 * when nothing is wrong: items with a code already held are replaced.
 */
@Service
class FinanceCatalogueService implements FinanceCatalogues {

    private final FinanceCatalogueStore store;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private volatile Snapshot snapshot;

    FinanceCatalogueService(FinanceCatalogueStore store, ReferenceData reference, AuditTrail audit) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
    }

    private record Snapshot(List<Edition> editions, List<Item> items, Map<String, Item> byKey) {
    }

    private Snapshot data() {
        Snapshot s = snapshot;
        if (s == null) {
            List<Item> items = store.items();
            Map<String, Item> byKey = new HashMap<>();
            items.forEach(i -> byKey.put(i.edition() + "|" + i.code(), i));
            s = new Snapshot(store.editions(), items, byKey);
            snapshot = s;
        }
        return s;
    }

    @Override
    public List<Edition> editions() {
        return data().editions();
    }

    @Override
    public Optional<Edition> inForce(Kind kind, LocalDate day) {
        return editions().stream().filter(e -> e.kind() == kind && e.inForce(day)).reduce((a, b) -> b);
    }

    @Override
    public Optional<Item> item(String edition, String code) {
        return Optional.ofNullable(data().byKey().get(edition + "|" + code));
    }

    @Override
    public Page<Item> items(Filter f, PageRequest page) {
        String edition = f.edition() != null ? f.edition()
                : inForce(f.kind() == null ? Kind.GREEN : f.kind(), f.date()).map(Edition::edition).orElse("");
        String needle = f.text() == null || f.text().isBlank() ? null : f.text().strip().toLowerCase(Locale.ROOT);
        Predicate<Item> match = i -> i.edition().equals(edition) && (f.level() == null || f.level() == i.level())
                && (f.parent() == null || f.parent().equals(i.parentCode()))
                && (needle == null || i.nameZh().contains(needle) || i.nameEn().toLowerCase(Locale.ROOT).contains(needle)
                    || i.code().startsWith(needle));
        List<Item> all = data().items().stream().filter(match).toList();
        int from = (int) Math.min(page.offset(), all.size());
        return new Page<>(all.subList(from, Math.min(from + page.size(), all.size())), page.page(), page.size(), all.size());
    }

    @Override
    public List<Item> items(String edition) {
        return data().items().stream().filter(i -> i.edition().equals(edition)).toList();
    }

    @Override
    public List<String> sectors(Kind kind, LocalDate day) {
        return inForce(kind, day).map(e -> data().items().stream().filter(i -> i.edition().equals(e.edition())
                && i.industryCode() != null).map(Item::industryCode).toList()).orElse(List.of());
    }

    @Override
    @Transactional
    public RestrictedLists.Imported importItems(String actor, String edition, byte[] file, String charset) {
        CatalogueFile csv = CatalogueFile.read(Upload.of(file), charset, COLUMNS);
        FirstErrors<RestrictedLists.RowError> errors = csv.errors();
        if (editions().stream().noneMatch(e -> e.edition().equals(edition))) {
            errors.add(new RestrictedLists.RowError(0, null, Rejection.of("reference.catalogue.edition", "edition",
                    String.valueOf(edition))));
        }
        if (!errors.isEmpty()) {
            return refused(csv.rowCount(), errors);
        }
        record Lined(int line, Item item) {
        }
        List<Lined> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                CatalogueItemRow.Outcome o = CatalogueItemRow.check(edition, csv.get(row, "code"), csv.get(row, "name_zh"),
                        csv.get(row, "name_en"), csv.get(row, "industry_code"), c -> reference.industry(c).isPresent());
                int line = row.line();
                o.rejections().forEach(r -> errors.add(new RestrictedLists.RowError(line,
                        "catalogueCode".equals(r.field()) ? "code" : RestrictedListService.column(r.field()), r)));
                if (o.item() != null && !codes.add(o.item().code())) {
                    errors.add(new RestrictedLists.RowError(line, "code", Rejection.of("import.duplicate-key", "catalogueCode",
                            o.item().code())));
                } else if (o.item() != null) {
                    items.add(new Lined(line, o.item()));
                }
            }
        }
        for (Lined l : items) {
            Item i = l.item();
            if (i.parentCode() != null && !codes.contains(i.parentCode()) && item(edition, i.parentCode()).isEmpty()) {
                errors.add(new RestrictedLists.RowError(l.line(), "code", Rejection.of("reference.catalogue.parent", "catalogueCode",
                        i.code(), i.parentCode())));
            }
        }
        if (!errors.isEmpty()) {
            return refused(csv.rowCount(), errors);
        }
        int created = 0;
        for (Lined l : items) {
            created += store.upsert(l.item());
        }
        // read again once the items are there for every reader
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                snapshot = null;
            }
        });
        audit.record(AuditEvent.success(actor, "reference.finance-catalogue.import", "finance-catalogue", null,
                edition + ": " + items.size() + " items, " + created + " new"));
        return new RestrictedLists.Imported(items.size(), created, items.size() - created, 0, null, List.of(), 0);
    }

    private static RestrictedLists.Imported refused(int rows, FirstErrors<RestrictedLists.RowError> errors) {
        return new RestrictedLists.Imported(rows, 0, 0, 0, null, errors.listed(), errors.notListed());
    }
}
