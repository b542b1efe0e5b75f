package cn.chanrong.web.internal;

import cn.chanrong.shared.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter of the API holding a NUL character is refused at the door with the parameter
 * named: no column can store one, and reaching the database it would only come back as a
 * constraint violation that names nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class QueryGuardFilter extends OncePerRequestFilter {

    private final ProblemWriter writer;

    QueryGuardFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        return req.getQueryString() == null || !req.getQueryString().contains("%00")
                || !ErrorPaths.isApi(req.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        for (String pair : req.getQueryString().split("&")) {
            int eq = pair.indexOf('=');
            try {
                String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (value.indexOf('\u0000') >= 0) {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    var f = new Failures.Failure(HttpStatus.BAD_REQUEST, "malformed", List.of(Rejection.of("control-characters", name)));
                    res.setStatus(400);
                    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    res.getWriter().write(ProblemWriter.json(writer.problem(req, res, f, req.getRequestURI())));
                    return;
                }
            } catch (IllegalArgumentException malformed) {
                // a broken escape is Tomcat's to refuse
            }
        }
        chain.doFilter(req, res);
    }
}
