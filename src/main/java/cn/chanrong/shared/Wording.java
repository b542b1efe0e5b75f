package cn.chanrong.shared;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words a module writes into its records — a journal entry's memo, a classification's reason, a
 * notice to a debtor — kept in a bundle per module ({@code wording/<module>.properties} in Chinese,
 * {@code wording/<module>_en.properties} in English) instead of string literals in services. Records
 * that are read by people in both languages store {@link #both}: "中文 / English".
 *
 * <p>Arguments replace {@code {0}}, {@code {1}}… as plain text (a {@code BigDecimal} by
 * {@code toPlainString()}, never grouped); there is no other syntax, so apostrophes need no escaping.
 */
public final class Wording {

    private static final Locale ZH = Locale.ROOT;
    private final String bundle;

    private Wording(String bundle) {
        this.bundle = bundle;
    }

    /** The wording of one module, from {@code wording/<module>.properties} and its English sibling. */
    public static Wording of(String module) {
        Wording w = new Wording("wording." + Objects.requireNonNull(module));
        w.bundle(ZH);
        return w;
    }

    public String zh(String key, Object... args) {
        return format(ZH, key, args);
    }

    public String en(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
    }

    /** In the caller's language: English when {@code english}, else Chinese. */
    public String in(boolean english, String key, Object... args) {
        return english ? en(key, args) : zh(key, args);
    }

    /** Both languages as stored for people who read either: "中文 / English". */
    public String both(String key, Object... args) {
        return zh(key, args) + " / " + en(key, args);
    }

    private String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no wording " + key + " in " + bundle + " for " + locale, e);
        }
        String out = pattern;
        for (int i = 0; i < args.length; i++) {
            String text = args[i] instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(args[i]);
            out = out.replace("{" + i + "}", text);
        }
        return out;
    }

    private ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(bundle, locale, Wording.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
