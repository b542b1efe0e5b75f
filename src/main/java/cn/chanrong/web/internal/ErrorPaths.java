package cn.chanrong.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a failed request is the API's (problem+json) or a page's (a styled error page). */
final class ErrorPaths {

    private ErrorPaths() {
    }

    /** The path the client asked for, also on the error page's own dispatch. */
    static String originalPath(HttpServletRequest req) {
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : req.getRequestURI();
        return path == null ? "" : path;
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/v3/api-docs")
                || path.startsWith("/actuator");
    }

    /**
     * The API always answers problem+json; elsewhere a browser (or a client sending no Accept at
     * all) gets the page, and a client asking only for JSON gets the problem.
     */
    static boolean wantsProblem(String path, HttpServletRequest req) {
        if (isApi(path)) {
            return true;
        }
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
