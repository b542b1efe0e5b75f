package cn.chanrong.platform;

import cn.chanrong.shared.Upload;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The request body of an import, taken as a stream ({@code @RequestBody InputStreamResource}) and
 * spooled by {@link Upload#spool(InputStream)}, so no import holds the file in memory. A body that
 * cannot be read to its end — over the import size limit, or cut off by the client — is answered as
 * an unreadable body (413 for the size, 400 otherwise), as when Spring reads a body itself.
 */
public final class Uploads {

    private Uploads() {
    }

    /** Spools the body; close the result (try-with-resources) to delete its temporary file. */
    public static Upload spool(InputStreamResource body) {
        InputStream in = null;
        try {
            in = body.getInputStream();
            return Upload.spool(in);
        } catch (IOException e) {
            InputStream stream = in;
            throw new HttpMessageNotReadableException("the uploaded file could not be read: " + e.getMessage(), e,
                    new HttpInputMessage() {
                        @Override
                        public InputStream getBody() {
                            return stream;
                        }

                        @Override
                        public HttpHeaders getHeaders() {
                            return HttpHeaders.EMPTY;
                        }
                    });
        }
    }

    /** The declared encoding of an uploaded text file: the {@code encoding} parameter, else the Content-Type's charset, else null (UTF-8). */
    public static String charset(String encoding, String contentType) {
        if (encoding != null && !encoding.isBlank()) {
            return encoding;
        }
        if (contentType != null) {
            try {
                var cs = org.springframework.http.MediaType.parseMediaType(contentType).getCharset();
                return cs == null ? null : cs.name();
            } catch (RuntimeException ignored) {
                return null;
            }
        }
        return null;
    }
}
