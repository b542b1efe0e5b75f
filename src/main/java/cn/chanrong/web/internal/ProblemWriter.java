package cn.chanrong.web.internal;

import cn.chanrong.platform.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written outside Spring MVC's message converters — on the error page's dispatch and
 * in Tomcat's own error report — in the same shape and language as the exception handler's.
 */
@Component
class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiErrors errors;
    private final LocaleResolver locales;

    ProblemWriter(ApiErrors errors, LocaleResolver locales) {
        this.errors = errors;
        this.locales = locales;
    }

    Locale locale(HttpServletRequest req) {
        try {
            return locales.resolveLocale(req);
        } catch (RuntimeException unreadable) {
            return LanguageConfiguration.CHINESE;
        }
    }

    ProblemDetail problem(HttpServletRequest req, HttpServletResponse res, Failures.Failure f, String instance) {
        ProblemDetail pd = errors.problem(f.status(), f.code(), f.rejections(), locale(req));
        if (instance != null && !instance.isEmpty()) {
            try {
                pd.setInstance(java.net.URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // a path Tomcat refused need not be a URI; the problem then names no instance
            }
        }
        if (MDC.get("requestId") == null && res.getHeader("X-Request-Id") != null) {
            pd.setProperty("requestId", res.getHeader("X-Request-Id"));
        }
        return pd;
    }

    /** The problem as JSON text, fields in the order the exception handler writes them. */
    static String json(ProblemDetail pd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", String.valueOf(pd.getType()));
        m.put("title", pd.getTitle());
        m.put("status", pd.getStatus());
        m.put("detail", pd.getDetail());
        if (pd.getInstance() != null) {
            m.put("instance", pd.getInstance().toString());
        }
        if (pd.getProperties() != null) {
            m.putAll(pd.getProperties());
        }
        return JSON.writeValueAsString(m);
    }
}
