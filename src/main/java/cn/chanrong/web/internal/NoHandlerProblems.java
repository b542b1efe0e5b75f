package cn.chanrong.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * A client error found before any handler was chosen (a multipart body without a boundary, a
 * method or media type no mapping takes) goes to the error page as the 4xx it is, instead of
 * escaping to the container as a failure of the servlet.
 */
@Component
class NoHandlerProblems implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
        if (handler != null || res.isCommitted()) {
            return null;
        }
        Failures.Failure f = Failures.of(ex, req);
        if (f == null) {
            return null;
        }
        try {
            req.setAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE, ex);
            if (ex instanceof MultipartException) {
                // so the error page's own dispatch does not parse the broken body again
                req.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
            }
            res.sendError(f.status().value());
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
