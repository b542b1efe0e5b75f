package cn.chanrong.web.internal;

import cn.chanrong.audit.RejectedRequestRecorder;
import cn.chanrong.identity.CurrentCaller;
import cn.chanrong.platform.Idempotency;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.platform.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for every API failure. Rejections are recorded in the audit trail after the
 * business transaction has rolled back (this runs outside it).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ApiErrors errors;
    private final LocaleResolver locales;
    private final RejectedRequestRecorder rejectedAudit;

    ApiExceptionHandler(ApiErrors errors, LocaleResolver locales, RejectedRequestRecorder rejectedAudit) {
        this.errors = errors;
        this.locales = locales;
        this.rejectedAudit = rejectedAudit;
    }

    @ExceptionHandler(Rejected.class)
    ResponseEntity<ProblemDetail> rejected(Rejected e, HttpServletRequest req) {
        HttpStatus status = ApiErrors.status(e.kind());
        String code = switch (e.kind()) {
            case INVALID -> "invalid";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case FORBIDDEN -> "forbidden";
            case PRECONDITION_FAILED -> "precondition-failed";
            case PRECONDITION_REQUIRED -> "precondition-required";
        };
        ResponseEntity<ProblemDetail> answer = respond(req, status, code, e.rejections());
        errors.notListed(answer.getBody(), e.notListed(), locales.resolveLocale(req));
        return answer;
    }

    @ExceptionHandler(Idempotency.KeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(Idempotency.KeyReusedException e, HttpServletRequest req) {
        return respond(req, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                List.of(Rejection.of("idempotency-key.reused", "Idempotency-Key")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.TooLarge tl) {
                return respond(req, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                        List.of(Rejection.of("body.too-large", null, tl.limit())));
            }
        }
        return respond(req, Failures.of(e, req));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return respond(req, Failures.of(e, req));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest req) {
        return respond(req, HttpStatus.BAD_REQUEST, "malformed",
                List.of(Rejection.of("header.missing", e.getHeaderName())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return respond(req, Failures.of(e, req));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return respond(req, Failures.of(e, req));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest req) {
        return respond(req, Failures.of(e, req));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest req) {
        return respond(req, HttpStatus.FORBIDDEN, "forbidden", List.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest req) {
        return respond(req, HttpStatus.CONFLICT, "conflict", List.of(Rejection.of("duplicate", null)));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest req) {
        log.warn("Constraint violation reached the database: {}", e.getMostSpecificCause().getMessage());
        return respond(req, HttpStatus.UNPROCESSABLE_CONTENT, "invalid", List.of(Rejection.of("constraint", null)));
    }

    /**
     * A request Spring MVC could not bind or serve (a missing parameter or part, an unacceptable
     * {@code Accept}, a wrong {@code Content-Type} …) as the 4xx it is; anything else unforeseen is
     * logged with the request id and answered as a 500 problem without internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) {
        Failures.Failure failure = Failures.of(e, req);
        if (failure != null) {
            return respond(req, failure);
        }
        log.error("Unexpected failure of {} {}", req.getMethod(), req.getRequestURI(), e);
        return respond(req, HttpStatus.INTERNAL_SERVER_ERROR, "internal", List.of());
    }

    private ResponseEntity<ProblemDetail> respond(HttpServletRequest req, Failures.Failure f) {
        return respond(req, f.status(), f.code(), f.rejections());
    }

    private ResponseEntity<ProblemDetail> respond(HttpServletRequest req, HttpStatus status, String code,
                                                  List<Rejection> rejections) {
        Locale locale = locales.resolveLocale(req);
        ProblemDetail pd = errors.problem(status, code, rejections, locale);
        pd.setInstance(java.net.URI.create(req.getRequestURI()));
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            try {
                rejectedAudit.recordRejected(CurrentCaller.name(), req.getMethod() + " " + req.getRequestURI(),
                        "request", null, status.value() + " " + code + " " + rejections.stream()
                                .map(r -> r.code() + (r.field() == null ? "" : "@" + r.field())).toList());
            } catch (RuntimeException ex) {
                log.warn("Could not record a rejected request in the audit trail: {}", ex.getMessage());
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
