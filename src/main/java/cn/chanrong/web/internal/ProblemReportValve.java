package cn.chanrong.web.internal;

import cn.chanrong.platform.ApiErrors;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's own error report, for what fails before the application sees the request (an encoded
 * slash or NUL in the path, a request line or headers over the limit): problem+json on the API and
 * for clients asking for JSON, else a page in the workbench's style — never Tomcat's HTML with its
 * version. Everything the application answered itself passes untouched.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ProblemWriter writer;
    private final ApiErrors errors;
    private final MessageSource messages;

    ProblemReportValve(ProblemWriter writer, ApiErrors errors, MessageSource messages) {
        this.writer = writer;
        this.errors = errors;
        this.messages = messages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            Failures.Failure f = throwable == null ? null : Failures.of(throwable, request);
            if (f == null) {
                f = tomcat(status, response.getMessage(), request);
            }
            String path = request.getRequestURI() == null ? "" : request.getRequestURI();
            String body;
            if (ErrorPaths.wantsProblem(path, request) || !acceptsHtml(request)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                body = ProblemWriter.json(writer.problem(request, response, f, path));
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                body = page(f, writer.locale(request));
            }
            response.setStatus(f.status().value());
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out != null) {
                out.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to report
        }
    }

    /**
     * A status Tomcat set itself: 400 for a path it cannot decode, or for a request line it could not
     * read at all (longer than the 8 KB header buffer, or malformed) — then nothing of the request is known.
     */
    private static Failures.Failure tomcat(int status, String message, Request request) {
        Failures.Failure f = Failures.ofStatus(HttpStatusCode.valueOf(status), request);
        boolean unread = request.getRequestURI() == null || request.getRequestURI().isEmpty();
        if (status == 400 && (unread || message != null && message.toLowerCase(Locale.ROOT).contains("too large"))) {
            return new Failures.Failure(f.status(), "malformed",
                    java.util.List.of(cn.chanrong.shared.Rejection.of("request.too-long", null)));
        }
        if (status == 400) {
            return new Failures.Failure(f.status(), "malformed",
                    java.util.List.of(cn.chanrong.shared.Rejection.of("path.invalid", null)));
        }
        return f;
    }

    private static boolean acceptsHtml(Request request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private String page(Failures.Failure f, Locale locale) {
        String title = messages.getMessage("problem.page", null, "Error", locale);
        StringBuilder reasons = new StringBuilder();
        var texts = f.rejections().isEmpty()
                ? java.util.List.of(errors.problem(f.status(), f.code(), f.rejections(), locale).getTitle())
                : f.rejections().stream().map(r -> errors.message(r, locale)).toList();
        for (String r : texts) {
            reasons.append("<li>").append(HtmlUtils.htmlEscape(r)).append("</li>");
        }
        String lang = "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\"/assets/css/chanrong.css\"></head>"
                + "<body><header class=\"topbar\"><a class=\"brand\" href=\"/\">"
                + HtmlUtils.htmlEscape(messages.getMessage("app.name", null, "Chanrong", locale)) + "</a></header>"
                + "<main><h1>" + HtmlUtils.htmlEscape(title) + " " + f.status().value() + "</h1><ul class=\"error\">"
                + reasons + "</ul><p><a href=\"/\">" + HtmlUtils.htmlEscape(messages.getMessage("nav.home", null, "Home", locale))
                + "</a></p></main></body></html>";
    }
}
