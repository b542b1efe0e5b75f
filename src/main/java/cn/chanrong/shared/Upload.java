package cn.chanrong.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An uploaded file that can be read as often as an all-or-nothing import needs (check every row,
 * then apply them) without being held in memory: a small body stays in memory, a larger one is
 * spooled to a temporary file that {@link #close()} deletes. Readers stream from it, so the heap an
 * import needs does not grow with the size of the file.
 */
public final class Upload implements AutoCloseable {

    /** Bodies up to this size stay in memory; larger ones go to a temporary file. */
    static final int IN_MEMORY = 256 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Upload(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** A file already in memory (demo data, workbench forms, tests). */
    public static Upload of(byte[] bytes) {
        byte[] b = bytes == null ? new byte[0] : bytes;
        return new Upload(b, null, b.length);
    }

    /**
     * Reads the stream to its end, spooling to a temporary file once it passes {@value #IN_MEMORY}
     * bytes. The stream is not closed. Whatever the stream throws (a body over the size limit, a
     * client that went away) is passed on and nothing is left behind.
     */
    public static Upload spool(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        byte[] head = in.readNBytes(IN_MEMORY + 1);
        if (head.length <= IN_MEMORY) {
            return new Upload(head, null, head.length);
        }
        Path file = Files.createTempFile("chanrong-upload-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            long size = head.length + in.transferTo(out);
            return new Upload(null, file, size);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A new stream over the whole file, from its first byte; the caller closes it. */
    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} bytes (fewer when the file is shorter), to sniff its format. */
    public byte[] head(int n) {
        if (bytes != null) {
            return Arrays.copyOf(bytes, (int) Math.min(n, bytes.length));
        }
        try (InputStream in = open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file, if there is one. */
    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
