package cn.chanrong.reference.domain;

import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One item of a restricted-industry catalogue as a regulator imports it: the catalogue and the
 * document that issued it (产业结构调整指导目录（2024年本）, 国家发展改革委令2023年第7号), the category,
 * the item's number and text, the GB/T 4754-2017 code it falls under — at any level: a section
 * ({@code C}), division ({@code C33}), group ({@code C336}) or class ({@code C3360}), matched as a
 * prefix of an enterprise's class — and, when the item names them, the products and processes it
 * is about. An entry without products or processes covers its whole industry code; one with them
 * covers only enterprises one of whose main products matches ({@link RestrictedIndustryPolicy}).
 * In force from {@code validFrom}; {@code validTo} null is open-ended, else exclusive.
 */
public record RestrictedEntry(String catalogue, String document, RestrictedCategory category, String itemNo, String item,
                              String industryCode, List<String> products, List<String> processes, LocalDate validFrom,
                              LocalDate validTo) {

    /** The most keywords a cell of products or of processes may hold. */
    public static final int MAX_KEYWORDS = 20;
    /** The longest keyword; the shortest is two characters, so that one character cannot match every product. */
    public static final int MAX_KEYWORD = 50;
    /** What separates the keywords of a cell. */
    public static final String SEPARATORS = "[;；]";

    public RestrictedEntry {
        products = products == null ? List.of() : List.copyOf(products);
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    /** Whether the entry's code is the enterprise's class or one above it. */
    public boolean coversIndustry(String industryClass) {
        return industryClass != null && industryClass.startsWith(industryCode);
    }

    /** An entry that names neither products nor processes covers its whole industry code. */
    public boolean wholeIndustry() {
        return products.isEmpty() && processes.isEmpty();
    }

    /** What the enterprise's main products are matched against: the products, then the processes. */
    public List<String> keywords() {
        List<String> all = new ArrayList<>(products);
        all.addAll(processes);
        return all;
    }

    /** A row's cells as read (trimmed, null when empty). */
    public record Input(String catalogue, String document, String category, String itemNo, String item,
                        String industryCode, String products, String processes, String validFrom, String validTo) {
    }

    /** The entry, or the rejections (each with its field) when any cell is wrong. */
    public record Outcome(RestrictedEntry entry, List<Rejection> rejections) {
        public boolean ok() {
            return rejections.isEmpty();
        }
    }

    /**
     * Checks a row and names every field that is wrong.
     *
     * @param knownIndustry whether a code is an entry of GB/T 4754-2017 (at any level)
     */
    public static Outcome check(Input in, Predicate<String> knownIndustry) {
        List<Rejection> r = new ArrayList<>();
        text(in.catalogue(), "catalogue", 2, 100, r);
        text(in.document(), "document", 2, 200, r);
        RestrictedCategory category = null;
        if (in.category() == null) {
            r.add(Rejection.of("required", "category"));
        } else {
            category = RestrictedCategory.parse(in.category()).orElse(null);
            if (category == null) {
                r.add(Rejection.of("enum", "category", in.category(), RestrictedCategory.allowed()));
            }
        }
        text(in.itemNo(), "itemNo", 1, 40, r);
        text(in.item(), "item", 2, 500, r);
        String industry = in.industryCode();
        if (industry == null) {
            r.add(Rejection.of("required", "industryCode"));
        } else if (!industry.matches("[A-T]([0-9]{2}[0-9]{0,2})?")) {
            r.add(Rejection.of("restricted.industry-code", "industryCode", industry));
        } else if (!knownIndustry.test(industry)) {
            r.add(Rejection.of("restricted.industry-unknown", "industryCode", industry));
        }
        List<String> products = keywords(in.products(), "products", r);
        List<String> processes = keywords(in.processes(), "processes", r);
        cn.chanrong.shared.Validity validity = cn.chanrong.shared.Validity.read(in.validFrom(), in.validTo(), r);
        LocalDate from = validity.from();
        LocalDate to = validity.to();
        return r.isEmpty() ? new Outcome(new RestrictedEntry(in.catalogue(), in.document(), category, in.itemNo(), in.item(),
                industry, products, processes, from, to), List.of()) : new Outcome(null, List.copyOf(r));
    }

    /** The keywords of a cell, separated by {@code ;} or {@code ；}, each trimmed, blanks and repeats dropped. */
    static List<String> keywords(String cell, String field, List<Rejection> r) {
        if (cell == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : cell.split(SEPARATORS)) {
            String k = part.strip();
            if (k.isEmpty()) {
                continue;
            }
            if (k.length() < 2 || k.length() > MAX_KEYWORD) {
                r.add(Rejection.of("restricted.keyword", field, k, 2, MAX_KEYWORD));
            } else if (hasControl(k)) {
                r.add(Rejection.of("control-characters", field));
            } else {
                out.add(k);
            }
        }
        if (out.size() > MAX_KEYWORDS) {
            r.add(Rejection.of("restricted.keywords", field, out.size(), MAX_KEYWORDS));
        }
        return List.copyOf(out);
    }

    private static void text(String v, String field, int min, int max, List<Rejection> r) {
        if (v == null) {
            r.add(Rejection.of("required", field));
        } else if (v.length() < min || v.length() > max) {
            r.add(Rejection.of("length", field, min, max));
        } else if (hasControl(v)) {
            r.add(Rejection.of("control-characters", field));
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
