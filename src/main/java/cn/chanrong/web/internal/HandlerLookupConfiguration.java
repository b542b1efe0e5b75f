package cn.chanrong.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the handler of a path with variables ({@code /api/v1/loans/42/repayments}) makes Spring MVC
 * test every one of the platform's three hundred mappings, and each test asks the request for its
 * method through the dozen wrappers that security puts around it: a sixth of the server's time on a
 * repayment. This mapping skips, before any of that, the mappings whose literal start (the pattern up to
 * its first variable or wildcard) the path does not begin with; the rest are matched as before.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfiguration {

    @Bean
    WebMvcRegistrations prefilteredHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefilteredMapping();
            }
        };
    }

    /** Literal starts of each mapping's patterns; a path matching none of them cannot match the mapping. */
    static final class PrefilteredMapping extends RequestMappingHandlerMapping {

        private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            // an encoded character could still match a literal segment once decoded: no shortcut then
            return super.lookupHandlerMethod(lookupPath,
                    lookupPath.indexOf('%') < 0 ? new Lookup(request, lookupPath) : request);
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            if (request instanceof Lookup l && !couldMatch(starts.computeIfAbsent(info, PrefilteredMapping::starts), l.path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        static boolean couldMatch(String[] starts, String path) {
            if (starts.length == 0) {
                return true;
            }
            for (String s : starts) {
                if (path.startsWith(s)) {
                    return true;
                }
            }
            return false;
        }

        /** The part of each pattern before its first variable or wildcard; none when the mapping has no patterns. */
        static String[] starts(RequestMappingInfo info) {
            var patterns = info.getPathPatternsCondition();
            if (patterns == null) {
                return new String[0];
            }
            return patterns.getPatterns().stream().map(PathPattern::getPatternString).map(PrefilteredMapping::literalStart)
                    .toArray(String[]::new);
        }

        static String literalStart(String pattern) {
            int end = pattern.length();
            for (char c : new char[] {'{', '*', '?'}) {
                int i = pattern.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            return pattern.substring(0, end);
        }
    }

    /** The request during one lookup, its method read once instead of through every wrapper per mapping. */
    static final class Lookup extends HttpServletRequestWrapper {
        final String path;
        private final String method;

        Lookup(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
