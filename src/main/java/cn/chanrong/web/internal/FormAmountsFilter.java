package cn.chanrong.web.internal;

import cn.chanrong.shared.Amounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a person types into a workbench form's money fields — {@code 1,000,000.00}, a stray blank —
 * is made plain ({@link Amounts#normaliseTyped}) before the same strict parser the API uses judges
 * it. Only form posts of the workbench; the API's input is never rewritten.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class FormAmountsFilter extends OncePerRequestFilter {

    /** The workbench's decimal fields by name: amounts, prices, fees, face values, volumes, targets, seeking, rates. */
    private static final Pattern MONEY = Pattern.compile("(?i)(.*amount|amounts|.*price|fee|faceValue|annualVolume|seeking"
            + "|.*BalanceTarget|netIncreaseTarget|minimumValue|.*Rate|.*RatePercent)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String type = req.getContentType();
        return !"POST".equals(req.getMethod()) || ErrorPaths.isApi(req.getRequestURI()) || type == null
                || !type.startsWith("application/x-www-form-urlencoded");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Typed(req), res);
    }

    private static final class Typed extends HttpServletRequestWrapper {

        Typed(HttpServletRequest req) {
            super(req);
        }

        @Override
        public String getParameter(String name) {
            String v = super.getParameter(name);
            return MONEY.matcher(name).matches() ? Amounts.normaliseTyped(v) : v;
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = super.getParameterValues(name);
            return v == null || !MONEY.matcher(name).matches() ? v
                    : Arrays.stream(v).map(Amounts::normaliseTyped).toArray(String[]::new);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> out = new LinkedHashMap<>();
            super.getParameterMap().forEach((k, v) -> out.put(k, getParameterValues(k)));
            return out;
        }
    }
}
