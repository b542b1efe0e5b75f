package cn.chanrong.platform;

import java.nio.file.Path;

/**
 * How this instance runs: on the embedded database (and where its data lives) or an external one,
 * and whether demo users and data are loaded. Demo mode follows the embedded database unless
 * {@code chanrong.demo.enabled} says otherwise.
 */
public record PlatformMode(boolean embeddedDatabase, Path dataDirectory, boolean demo) {
}
