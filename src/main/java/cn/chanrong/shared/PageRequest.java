package cn.chanrong.shared;

import java.util.ArrayList;
import java.util.List;

/** A page of a list: zero-based page number and a bounded size. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        List<Rejection> problems = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            problems.add(Rejection.of("page.negative", "page", p));
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add(Rejection.of("page.size", "size", 1, MAX_SIZE, s));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
