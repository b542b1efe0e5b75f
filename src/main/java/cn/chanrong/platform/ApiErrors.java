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

    /**
     * The rejection in the caller's language: {@code rejection.<code>} with the field's label as
     * {0} and the arguments after it. A rejection whose first argument names the problem
     * ({@code invoice.xml} with {@code doctype}) reads {@code rejection.<code>.<problem>} when there is
     * one. Placeholders without an argument are left empty, never shown as {@code {2}}.
     */
    /** Every reason of a refusal in the caller's language, for a form to show beside what was typed. */
    public java.util.List<String> messages(cn.chanrong.shared.Rejected r, Locale locale) {
        return r.rejections().stream().map(x -> message(x, locale)).toList();
    }

    public String message(Rejection r, Locale locale) {
        Object[] args = r.args().toArray();
        String field = r.field() == null ? "" : messages.getMessage("field." + r.field(), null, r.field(), locale);
        Object[] withField = new Object[Math.max(args.length + 1, PLACEHOLDERS)];
        java.util.Arrays.fill(withField, "");
        withField[0] = field;
        System.arraycopy(args, 0, withField, 1, args.length);
        String key = "rejection." + r.code();
        if (args.length > 0 && args[0] instanceof String problem && problem.matches("[a-z][a-z-]{1,40}")) {
            String specific = messages.getMessage(key + "." + problem, withField, null, locale);
            if (specific != null) {
                return specific;
            }
        }
        return messages.getMessage(key, withField, r.code(), locale);
    }

    /** Enough arguments for every placeholder a message uses. */
    private static final int PLACEHOLDERS = 10;

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
        pd.setDetail(errors.isEmpty() ? pd.getTitle() : errors.size() <= SHORT_LIST
                ? String.join("; ", errors.stream().map(e -> (String) e.get("message")).toList())
                : summary(errors.size(), errors.size(), locale));
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

    /** Up to this many rejections are joined into the detail; a longer list is summed up, never repeated. */
    private static final int SHORT_LIST = 3;

    /**
     * Completes the problem of a refusal that lists only its first errors (a file's rows, see
     * {@code FirstErrors}): {@code errorsNotListed} counts the rest and the detail is one short
     * sentence with the total. Nothing changes when every error is listed.
     */
    public void notListed(ProblemDetail pd, long notListed, Locale locale) {
        if (notListed <= 0) {
            return;
        }
        int listed = pd.getProperties() != null && pd.getProperties().get("errors") instanceof List<?> l ? l.size() : 0;
        pd.setProperty("errorsNotListed", notListed);
        pd.setDetail(summary(listed + notListed, listed, locale));
    }

    /**
     * A refused file's report as a problem: the report's own members (kind, rows, the errors by line
     * and column) as extension members of an RFC 9457 problem with the given status and code, each
     * error naming its column as {@code field} — the same shape as every other refusal.
     */
    public Map<String, Object> asProblem(Map<String, Object> report, HttpStatus status, String code, Locale locale) {
        Map<String, Object> pd = new java.util.LinkedHashMap<>();
        pd.put("type", "urn:chanrong:problem:" + code);
        pd.put("title", messages.getMessage("problem." + code, null, code, locale));
        pd.put("status", status.value());
        List<Map<String, Object>> errors = new ArrayList<>();
        if (report.get("errors") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> e) {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>();
                    e.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    if (copy.get("column") != null) {
                        copy.putIfAbsent("field", copy.get("column"));
                    }
                    errors.add(copy);
                }
            }
        }
        long notListed = report.get("errorsNotListed") instanceof Number n ? n.longValue() : 0;
        pd.put("detail", errors.isEmpty() ? pd.get("title") : notListed == 0 && errors.size() <= SHORT_LIST
                ? String.join("; ", errors.stream().map(e -> String.valueOf(e.get("message"))).toList())
                : summary(errors.size() + notListed, errors.size(), locale));
        pd.put("code", code);
        pd.putAll(report);
        pd.put("errors", errors);
        String requestId = org.slf4j.MDC.get("requestId");
        if (requestId != null) {
            pd.put("requestId", requestId);
        }
        return pd;
    }

    private String summary(long total, int listed, Locale locale) {
        return total == listed ? messages.getMessage("problem.errors-listed", new Object[] {total}, locale)
                : messages.getMessage("problem.errors-not-listed", new Object[] {total, listed}, locale);
    }
}
