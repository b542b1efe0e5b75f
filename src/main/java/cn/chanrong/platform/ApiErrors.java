package cn.chanrong.platform;

import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Turns rejections into RFC 9457 problem details and localised messages, for the API and the
 * workbench alike. It lives in the platform module so every module's screens can use it without
 * depending on the web shell.
 */
@Component
public class ApiErrors {

    private final MessageSource messages;

    public ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    public String message(Rejection r, Locale locale) {
        Object[] args = r.args().toArray();
        String field = r.field() == null ? "" : messages.getMessage("field." + r.field(), null, r.field(), locale);
        Object[] withField = new Object[args.length + 1];
        withField[0] = field;
        System.arraycopy(args, 0, withField, 1, args.length);
        return messages.getMessage("rejection." + r.code(), withField, r.code(), locale);
    }

    public static HttpStatus status(Rejected.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
        };
    }

    public ProblemDetail problem(HttpStatus status, String code, List<Rejection> rejections, Locale locale) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setType(java.net.URI.create("urn:chanrong:problem:" + code));
        pd.setTitle(messages.getMessage("problem." + code, null, code, locale));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Rejection r : rejections) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("code", r.code());
            if (r.field() != null) {
                e.put("field", r.field());
            }
            e.put("message", message(r, locale));
            errors.add(e);
        }
        pd.setDetail(errors.isEmpty() ? pd.getTitle()
                : String.join("; ", errors.stream().map(e -> (String) e.get("message")).toList()));
        pd.setProperty("code", code);
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        String requestId = org.slf4j.MDC.get("requestId");
        if (requestId != null) {
            pd.setProperty("requestId", requestId);
        }
        return pd;
    }
}
