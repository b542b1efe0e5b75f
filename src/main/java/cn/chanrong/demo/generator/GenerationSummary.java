package cn.chanrong.demo.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run wrote: data rows per file (headers not counted), in the order written, and how long it took. */
public record GenerationSummary(Map<String, Long> rowsPerFile, double seconds) {

    public GenerationSummary {
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
    }

    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        return seconds > 0 ? totalRows() / seconds : 0;
    }
}
