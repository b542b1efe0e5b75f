package cn.chanrong.reference.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which entry of a restricted-industry catalogue applies to an enterprise, and what it forbids
 * (产业结构调整指导目录（2024年本）; 促进产业结构调整暂行规定, 国发〔2005〕40号, art. 18–19):
 * <ul>
 *   <li>an entry <b>applies</b> when it is in force on the day, its industry code is the enterprise's
 *       class or one above it (a prefix), and — when it names products or processes — one of the
 *       enterprise's main products matches one of them. An entry that names neither covers its whole
 *       industry code.</li>
 *   <li><b>Matching</b>: a main product matches a keyword when the product, trimmed, contains the
 *       keyword, ignoring case, with full-width letters, digits and brackets read as their half-width
 *       forms (Unicode NFKC). The catalogue's keyword is the general term ("普通高速钢丝锥"); the
 *       enterprise's product name says at least as much ("M8普通高速钢丝锥"). The other way round
 *       would let a short product name ("丝锥") match every entry that mentions it.</li>
 *   <li>{@link Rule#ELIMINATED_NO_CREDIT}: an eliminated (淘汰类) entry refuses every credit.
 *       {@link Rule#RESTRICTED_NO_NEW_PROJECT}: a restricted (限制类) entry refuses a loan for a new
 *       project (a fixed-asset or project loan). {@link Rule#RESTRICTED_EXISTING_CAPACITY}: any other
 *       credit to a firm under a restricted entry — working capital, upgrading the existing capacity —
 *       is not refused by this rule; the entry is named so the officer reads it.</li>
 * </ul>
 * Of several entries, an eliminated one wins; then an entry matched by a product before one covering
 * the whole industry, the narrower industry code first, then catalogue and item number.
 */
public final class RestrictedIndustryPolicy {

    /** What the credit is for, as far as this rule is concerned. */
    public enum Use {
        /** A loan for a new project: a fixed-asset or project loan building new capacity. */
        NEW_PROJECT,
        /** Anything else: working capital, upgrading or renewing existing capacity, R&amp;D, acquisitions. */
        OTHER
    }

    /** The rule that decided, with its stable code (a message key's tail). */
    public enum Rule {
        ELIMINATED_NO_CREDIT("eliminated", true),
        RESTRICTED_NO_NEW_PROJECT("new-project", true),
        RESTRICTED_EXISTING_CAPACITY("existing-capacity", false);

        private final String code;
        private final boolean refuses;

        Rule(String code, boolean refuses) {
            this.code = code;
            this.refuses = refuses;
        }

        public String code() {
            return code;
        }

        public boolean refuses() {
            return refuses;
        }
    }

    /** An entry that applies, and the enterprise's main product that matched it (null for a whole-industry entry). */
    public record Match(RestrictedEntry entry, String product) {
    }

    /** The entry that applies to this credit and what the rule says of it. */
    public record Verdict(Rule rule, RestrictedEntry entry, String product) {

        public boolean refuses() {
            return rule.refuses();
        }
    }

    private static final Comparator<Match> ORDER = Comparator.<Match, RestrictedCategory>comparing(m -> m.entry().category())
            .thenComparing(m -> m.product() == null)
            .thenComparing(m -> -m.entry().industryCode().length())
            .thenComparing(m -> m.entry().catalogue())
            .thenComparing(m -> m.entry().itemNo())
            .thenComparing(m -> m.entry().validFrom());

    private RestrictedIndustryPolicy() {
    }

    /** Every entry that applies to the enterprise on {@code date}, the one that decides first. */
    public static List<Match> applying(String industryClass, List<String> mainProducts, List<RestrictedEntry> entries,
                                       LocalDate date) {
        List<Match> out = new ArrayList<>();
        for (RestrictedEntry e : entries) {
            if (!e.inForceOn(date) || !e.coversIndustry(industryClass)) {
                continue;
            }
            if (e.wholeIndustry()) {
                out.add(new Match(e, null));
            } else {
                matchedProduct(e, mainProducts).ifPresent(p -> out.add(new Match(e, p)));
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** What the entries that apply say of a credit for {@code use}; empty when none applies. */
    public static Optional<Verdict> verdict(List<Match> applying, Use use) {
        if (applying == null || applying.isEmpty()) {
            return Optional.empty();
        }
        List<Match> sorted = applying.stream().sorted(ORDER).toList();
        Match first = sorted.getFirst();
        Rule rule = first.entry().category() == RestrictedCategory.ELIMINATED ? Rule.ELIMINATED_NO_CREDIT
                : use == Use.NEW_PROJECT ? Rule.RESTRICTED_NO_NEW_PROJECT : Rule.RESTRICTED_EXISTING_CAPACITY;
        return Optional.of(new Verdict(rule, first.entry(), first.product()));
    }

    /** {@link #verdict} of the entries {@link #applying} to the enterprise. */
    public static Optional<Verdict> decide(String industryClass, List<String> mainProducts, List<RestrictedEntry> entries,
                                           LocalDate date, Use use) {
        return verdict(applying(industryClass, mainProducts, entries, date), use);
    }

    /** The first of the main products that contains one of the entry's keywords. */
    static Optional<String> matchedProduct(RestrictedEntry e, List<String> mainProducts) {
        if (mainProducts == null) {
            return Optional.empty();
        }
        for (String product : mainProducts) {
            if (product == null || product.isBlank()) {
                continue;
            }
            String p = normal(product);
            for (String k : e.keywords()) {
                String keyword = normal(k);
                if (!keyword.isEmpty() && p.contains(keyword)) {
                    return Optional.of(product.strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Trimmed, NFKC (full-width forms as half-width), lower case. */
    static String normal(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
