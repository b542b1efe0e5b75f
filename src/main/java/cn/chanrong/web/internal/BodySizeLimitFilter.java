package cn.chanrong.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code chanrong.web.max-body-size} with 413: at once when the
 * declared length is too large, and while reading when a chunked body grows past the limit.
 * Tomcat swallows the rest of the body ({@code server.tomcat.max-swallow-size=-1}) so the client
 * reads the answer instead of a reset connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeLimitFilter extends OncePerRequestFilter {

    /** Raised inside body parsing when a streamed body passes the limit. */
    static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private final long limit;
    private final long importLimit;
    private final ProblemWriter problems;

    BodySizeLimitFilter(@Value("${chanrong.web.max-body-size:1MB}") DataSize limit,
                        @Value("${chanrong.web.max-import-size:64MB}") DataSize importLimit, ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        // CSV imports (API and workbench uploads) may be larger than an ordinary request.
        long limit = req.getRequestURI().contains("/import") ? importLimit : this.limit;
        if (req.getContentLengthLong() > limit) {
            var f = new Failures.Failure(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    java.util.List.of(cn.chanrong.shared.Rejection.of("body.too-large", null, limit)));
            var pd = problems.problem(req, res, f, req.getRequestURI());
            pd.setProperty("limit", limit);
            res.setStatus(413);
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
            res.getWriter().write(ProblemWriter.json(pd));
            return;
        }
        chain.doFilter(new Limited(req, limit), res);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) {
                            throw new TooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > limit) {
                            throw new TooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
