package cn.chanrong.web.internal;

import cn.chanrong.platform.ApiErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever reaches {@code /error} — an unknown route, a method or media type no handler takes, the
 * firewall's refusal, an exception no handler caught — answers like a refusal from a controller:
 * problem+json on the API, the styled error page elsewhere, in the caller's language.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
    private final ProblemWriter writer;
    private final ApiErrors errors;

    ProblemErrorController(ProblemWriter writer, ApiErrors errors) {
        this.writer = writer;
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    @org.springframework.security.access.prepost.PreAuthorize("permitAll()") // the error of any request, signed in or not
    ModelAndView error(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable ex = exception(req);
        Failures.Failure f = ex == null ? null : Failures.of(ex, req);
        if (f == null) {
            f = Failures.ofStatus(HttpStatusCode.valueOf(status instanceof Integer i ? i : 404), req);
        }
        String path = ErrorPaths.originalPath(req);
        if (f.status().is5xxServerError()) {
            log.error("Unexpected failure of {} {}", req.getMethod(), path, ex);
        }
        if (ErrorPaths.wantsProblem(path, req)) {
            ProblemDetail pd = writer.problem(req, res, f, path);
            res.setStatus(f.status().value());
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
            res.getWriter().write(ProblemWriter.json(pd));
            return null;
        }
        var locale = writer.locale(req);
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(f.status());
        page.addObject("status", f.status().value());
        page.addObject("reasons", f.rejections().isEmpty()
                ? java.util.List.of(errors.problem(f.status(), f.code(), f.rejections(), locale).getTitle())
                : f.rejections().stream().map(r -> errors.message(r, locale)).toList());
        return page;
    }

    private static Throwable exception(HttpServletRequest req) {
        Object e = req.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
        if (e == null) {
            e = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        }
        return e instanceof Throwable t ? t : null;
    }
}
