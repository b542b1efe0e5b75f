package cn.chanrong.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results and the total the filters match. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}
