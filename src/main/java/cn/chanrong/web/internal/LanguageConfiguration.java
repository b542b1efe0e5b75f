package cn.chanrong.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first: the language is the one chosen in the workbench ({@code ?lang=en}, kept in a
 * cookie), else the first supported language of Accept-Language, else zh-CN.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        return new ChineseFirstLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }

    static final class ChineseFirstLocaleResolver implements LocaleResolver {
        private static final String COOKIE = "chanrong-lang";

        @Override
        public Locale resolveLocale(HttpServletRequest req) {
            if (req.getAttribute(COOKIE) instanceof Locale chosen) {
                return chosen;
            }
            if (req.getCookies() != null) {
                for (Cookie c : req.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        return "en".equals(c.getValue()) ? Locale.ENGLISH : CHINESE;
                    }
                }
            }
            String header = req.getHeader("Accept-Language");
            if (header != null && !header.isBlank()) {
                try {
                    for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                        String tag = range.getRange();
                        if (tag.startsWith("zh")) {
                            return CHINESE;
                        }
                        if (tag.startsWith("en")) {
                            return Locale.ENGLISH;
                        }
                    }
                } catch (IllegalArgumentException ignored) {
                    // a malformed header falls back to Chinese
                }
            }
            return CHINESE;
        }

        @Override
        public void setLocale(HttpServletRequest req, HttpServletResponse res, Locale locale) {
            String value = locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh";
            req.setAttribute(COOKIE, "en".equals(value) ? Locale.ENGLISH : CHINESE);
            Cookie c = new Cookie(COOKIE, value);
            c.setPath("/");
            c.setHttpOnly(true);
            c.setMaxAge((int) Duration.ofDays(365).toSeconds());
            res.addCookie(c);
        }
    }
}
