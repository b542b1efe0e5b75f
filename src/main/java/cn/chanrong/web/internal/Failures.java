package cn.chanrong.web.internal;

import cn.chanrong.shared.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What went wrong with a request that no business rule refused — a missing parameter, a part, an
 * {@code Accept} or {@code Content-Type} the endpoint cannot serve, an unknown route, a path the
 * firewall or Tomcat refused — as a status, a stable problem code and the rejections naming the
 * parameter or field. One mapping for the exception handler (a controller was chosen) and for the
 * error page (none was).
 */
final class Failures {

    /** The status, the problem code ({@code problem.<code>} is its title) and the reasons. */
    record Failure(HttpStatus status, String code, List<Rejection> rejections) {
    }

    private Failures() {
    }

    /** The failure an exception stands for, or null when it is no client error we know. */
    static Failure of(Throwable e, HttpServletRequest req) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Failure f = direct(t, req);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Failure direct(Throwable t, HttpServletRequest req) {
        if (t instanceof MissingServletRequestParameterException m) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed",
                    List.of(Rejection.of("parameter.missing", m.getParameterName(), m.getParameterType())));
        }
        if (t instanceof MissingServletRequestPartException m) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed", List.of(Rejection.of("part.missing", m.getRequestPartName())));
        }
        if (t instanceof MissingRequestHeaderException m) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed", List.of(Rejection.of("header.missing", m.getHeaderName())));
        }
        if (t instanceof MethodArgumentTypeMismatchException m) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed",
                    List.of(Rejection.of("parameter.type", m.getName(), String.valueOf(m.getValue()))));
        }
        if (t instanceof MaxUploadSizeExceededException) {
            return new Failure(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", List.of());
        }
        if (t instanceof MultipartException) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed",
                    List.of(Rejection.of("multipart.malformed", null, String.valueOf(req.getContentType()))));
        }
        if (t instanceof HttpMessageNotReadableException m) {
            Rejection field = JsonErrorField.of(m);
            if (field != null && field.code().startsWith("amount.")) {
                // well-formed JSON whose amount breaks the money grammar: a field's value refused, as a
                // service refuses one (422), not a body that cannot be read
                return new Failure(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", List.of(field));
            }
            boolean missing = field == null && m.getMessage() != null && m.getMessage().startsWith("Required request body is missing");
            return new Failure(HttpStatus.BAD_REQUEST, "malformed", List.of(field != null ? field
                    : missing ? Rejection.of("body.missing", null) : Rejection.of("body.malformed", null)));
        }
        if (t instanceof HttpMediaTypeNotAcceptableException m) {
            return notAcceptable(req, m.getSupportedMediaTypes());
        }
        if (t instanceof HttpMediaTypeNotSupportedException m) {
            return unsupported(req, m.getSupportedMediaTypes());
        }
        if (t instanceof HttpRequestMethodNotSupportedException m) {
            return methodNotAllowed(m.getMethod(), m.getSupportedMethods() == null ? "" : String.join(", ", m.getSupportedMethods()));
        }
        if (t instanceof NoHandlerFoundException n) {
            return notFound(n.getHttpMethod(), req);
        }
        if (t instanceof NoResourceFoundException n) {
            return notFound(n.getHttpMethod().name(), req);
        }
        if (t instanceof RequestRejectedException) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed", List.of(Rejection.of("path.rejected", null)));
        }
        if (t instanceof ServletRequestBindingException) {
            return new Failure(HttpStatus.BAD_REQUEST, "malformed", List.of(Rejection.of("request.malformed", null)));
        }
        if (t instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            return ofStatus(r.getStatusCode(), req);
        }
        return null;
    }

    /** The failure a bare status stands for, when nothing more is known (an error page after {@code sendError}). */
    static Failure ofStatus(HttpStatusCode code, HttpServletRequest req) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case BAD_REQUEST -> new Failure(status, "malformed", List.of(Rejection.of("request.malformed", null)));
            case UNAUTHORIZED -> new Failure(status, "unauthenticated", List.of());
            case FORBIDDEN -> new Failure(status, "forbidden", List.of());
            case NOT_FOUND -> notFound(req.getMethod(), req);
            case METHOD_NOT_ALLOWED -> methodNotAllowed(req.getMethod(), null);
            case NOT_ACCEPTABLE -> notAcceptable(req, List.of());
            case UNSUPPORTED_MEDIA_TYPE -> unsupported(req, List.of());
            case CONTENT_TOO_LARGE -> new Failure(status, "payload-too-large", List.of());
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE ->
                    new Failure(status, "malformed", List.of(Rejection.of("request.too-long", null)));
            default -> status.is4xxClientError()
                    ? new Failure(status, "malformed", List.of(Rejection.of("request.malformed", null)))
                    : new Failure(status, "internal", List.of());
        };
    }

    private static Failure notFound(String method, HttpServletRequest req) {
        return new Failure(HttpStatus.NOT_FOUND, "not-found", List.of(Rejection.of("route.unknown", null, method,
                ErrorPaths.originalPath(req))));
    }

    private static Failure methodNotAllowed(String method, String allowed) {
        return new Failure(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                List.of(Rejection.of("method.not-allowed", null, method, allowed == null ? "" : allowed)));
    }

    private static Failure notAcceptable(HttpServletRequest req, List<MediaType> supported) {
        return new Failure(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", List.of(Rejection.of("accept.unsupported", "Accept",
                String.valueOf(req.getHeader("Accept")), types(supported))));
    }

    private static Failure unsupported(HttpServletRequest req, List<MediaType> supported) {
        return new Failure(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", List.of(Rejection.of(
                "content-type.unsupported", "Content-Type", String.valueOf(req.getContentType()), types(supported))));
    }

    private static String types(List<MediaType> types) {
        return types == null || types.isEmpty() ? "application/json"
                : types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    }
}
