package cn.chanrong.web.internal;

import org.springframework.http.converter.HttpMessageNotReadableException;

/** Finds the JSON field a parse error points at, to name it in the problem. */
final class JsonErrorField {

    private JsonErrorField() {
    }

    static String of(HttpMessageNotReadableException e) {
        Throwable t = e.getCause();
        while (t != null) {
            if (t instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
                var ref = de.getPath().get(de.getPath().size() - 1);
                return ref.getPropertyName();
            }
            t = t.getCause();
        }
        return null;
    }
}
