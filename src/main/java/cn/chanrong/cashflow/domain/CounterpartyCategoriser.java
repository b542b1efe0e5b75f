package cn.chanrong.cashflow.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts the counterparty of a flow into a {@link CounterpartyCategory}. The first rule that applies wins:
 * <ol>
 * <li>one of the enterprise's own accounts (numbers, or its own name) → OWN_ACCOUNT;</li>
 * <li>a related party (account number or name) → RELATED_PARTY;</li>
 * <li>a known customer (name or credit code, from the registry's supply relationships) paying in → CUSTOMER;</li>
 * <li>a known supplier being paid → SUPPLIER;</li>
 * <li>keyword rules, in table order, on counterparty name and remittance together — the table is the
 *     resource {@code /cashflow/counterparty-rules.csv} ({@code category,direction,keyword}, direction
 *     {@code in|out|any}); Latin keywords match whole words only, so "tax" does not match "taxi";</li>
 * <li>a name that looks like an enterprise (公司, 有限, 厂, Co., Ltd…) → CUSTOMER when paying in,
 *     SUPPLIER when being paid;</li>
 * <li>otherwise OTHER — an individual or an unknown party is not assumed to be trade.</li>
 * </ol>
 * Known parties come before keywords because they are facts about this enterprise, where keywords are
 * guesses; a known customer paying in with "贷款" in the remittance is still a customer. Parties are
 * compared ignoring case, whitespace, dashes and full-width forms. A bank statement rarely carries a
 * credit code, so pass the registry's names for them too.
 */
public final class CounterpartyCategoriser {

    /** Which way the money must flow for a rule to apply. */
    public enum Direction { IN, OUT, ANY }

    /** One row of the keyword table. */
    public record Rule(CounterpartyCategory category, Direction direction, String keyword) {
        public Rule {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(direction, "direction");
            if (keyword == null || keyword.isBlank()) {
                throw new IllegalArgumentException("a rule needs a keyword");
            }
            keyword = keyword.strip();
        }
    }

    private static final String RULES_RESOURCE = "/cashflow/counterparty-rules.csv";
    private static final Pattern ENTERPRISE_LATIN = Pattern.compile(
            "\\b(co|ltd|limited|inc|corp|corporation|llc|gmbh)\\b", Pattern.CASE_INSENSITIVE);

    private final Set<String> own;
    private final Set<String> related;
    private final Set<String> customers;
    private final Set<String> suppliers;
    private final List<Rule> rules;
    private final List<Pattern> patterns;

    /** With the keyword table from {@link #defaultRules()}. */
    public CounterpartyCategoriser(Set<String> own, Set<String> related, Set<String> customers,
                                   Set<String> suppliers) {
        this(own, related, customers, suppliers, defaultRules());
    }

    /**
     * @param own       the enterprise's own account numbers (and, optionally, its own name)
     * @param related   related parties' account numbers and names
     * @param customers known customers' names (or credit codes)
     * @param suppliers known suppliers' names (or credit codes)
     * @param rules     keyword rules, tried in order
     */
    public CounterpartyCategoriser(Set<String> own, Set<String> related, Set<String> customers,
                                   Set<String> suppliers, List<Rule> rules) {
        this.own = PartyKeys.keys(own);
        this.related = PartyKeys.keys(related);
        this.customers = PartyKeys.keys(customers);
        this.suppliers = PartyKeys.keys(suppliers);
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        this.patterns = this.rules.stream().map(r -> keywordPattern(r.keyword())).toList();
    }

    public Categorisation categorise(EntryDraft entry) {
        return categorise(entry.amount(), entry.counterpartyAccount(), entry.counterpartyName(), entry.remittance());
    }

    public Categorisation categorise(Flow flow, String remittance) {
        return categorise(flow.amount(), flow.counterpartyAccount(), flow.counterpartyName(), remittance);
    }

    /** @param amount signed: positive is money in */
    public Categorisation categorise(BigDecimal amount, String counterpartyAccount, String counterpartyName,
                                     String remittance) {
        int sign = Objects.requireNonNull(amount, "amount").signum();
        if (PartyKeys.matches(own, counterpartyAccount, counterpartyName)) {
            return new Categorisation(CounterpartyCategory.OWN_ACCOUNT, "own account");
        }
        if (PartyKeys.matches(related, counterpartyAccount, counterpartyName)) {
            return new Categorisation(CounterpartyCategory.RELATED_PARTY, "related party");
        }
        if (sign > 0 && PartyKeys.matches(customers, counterpartyAccount, counterpartyName)) {
            return new Categorisation(CounterpartyCategory.CUSTOMER, "known customer paying in");
        }
        if (sign < 0 && PartyKeys.matches(suppliers, counterpartyAccount, counterpartyName)) {
            return new Categorisation(CounterpartyCategory.SUPPLIER, "known supplier being paid");
        }
        String text = normalise((counterpartyName == null ? "" : counterpartyName) + " "
                + (remittance == null ? "" : remittance));
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            boolean directionFits = r.direction() == Direction.ANY
                    || (r.direction() == Direction.IN && sign > 0) || (r.direction() == Direction.OUT && sign < 0);
            if (directionFits && patterns.get(i).matcher(text).find()) {
                return new Categorisation(r.category(), "keyword \"" + r.keyword() + "\" ("
                        + r.category() + ", " + r.direction().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (counterpartyName != null && looksLikeEnterprise(counterpartyName) && sign != 0) {
            return sign > 0
                    ? new Categorisation(CounterpartyCategory.CUSTOMER, "enterprise name paying in")
                    : new Categorisation(CounterpartyCategory.SUPPLIER, "enterprise name being paid");
        }
        return new Categorisation(CounterpartyCategory.OTHER, "no rule matched");
    }

    static boolean looksLikeEnterprise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return n.contains("公司") || n.contains("有限") || n.contains("厂") || ENTERPRISE_LATIN.matcher(n).find();
    }

    /** The keyword table shipped in {@code /cashflow/counterparty-rules.csv}. */
    public static List<Rule> defaultRules() {
        try (InputStream in = CounterpartyCategoriser.class.getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RULES_RESOURCE + " is missing from the classpath");
            }
            return parseRules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a keyword table: {@code category,direction,keyword} per line; a header line with those
     * names, blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line of a malformed row
     */
    public static List<Rule> parseRules(String csv) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = csv.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("\uFEFF#")
                    || line.replace("\uFEFF", "").equalsIgnoreCase("category,direction,keyword")) {
                continue;
            }
            String[] parts = line.split(",", 3);
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected category,direction,keyword");
                }
                rules.add(new Rule(CounterpartyCategory.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)),
                        Direction.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)), parts[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("counterparty rules, line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Latin keywords must stand as words; Chinese has no spaces, so Chinese keywords match anywhere. */
    private static Pattern keywordPattern(String keyword) {
        String k = normalise(keyword);
        String quoted = Pattern.quote(k);
        boolean latin = k.chars().allMatch(c -> c < 128);
        return Pattern.compile(latin ? "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])" : quoted);
    }
}
