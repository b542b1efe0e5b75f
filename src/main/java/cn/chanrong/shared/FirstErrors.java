package cn.chanrong.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The errors of a file as an import reports them: the first {@value #LIMIT} in file order, and how
 * many more there were. A file of a million bad rows is refused with the same few hundred kilobytes
 * of answer as a file of a thousand, and checking it needs no more memory.
 *
 * @param <T> an error: a {@link Rejection}, or a row error that holds one
 */
public final class FirstErrors<T> {

    /** How many errors are kept and listed. */
    public static final int LIMIT = 1000;

    private final int limit;
    private final UnaryOperator<T> keep;
    private final List<T> listed = new ArrayList<>();
    private long notListed;

    /**
     * @param keep applied to each error kept, to shorten what it quotes from the file (see
     *             {@link Rejection#clipped()}); the errors only counted are never kept
     */
    public FirstErrors(UnaryOperator<T> keep) {
        this(LIMIT, keep);
    }

    FirstErrors(int limit, UnaryOperator<T> keep) {
        this.limit = limit;
        this.keep = keep;
    }

    /** Errors that are rejections, each clipped. */
    public static FirstErrors<Rejection> ofRejections() {
        return new FirstErrors<>(Rejection::clipped);
    }

    public void add(T error) {
        if (listed.size() < limit) {
            listed.add(keep.apply(error));
        } else {
            notListed++;
        }
    }

    public void addAll(Collection<? extends T> errors) {
        errors.forEach(this::add);
    }

    public boolean isEmpty() {
        return listed.isEmpty();
    }

    /** Every error found, listed or not: compare before and after a row to see whether it added any. */
    public long total() {
        return listed.size() + notListed;
    }

    /** The first errors, in the order they were found. */
    public List<T> listed() {
        return List.copyOf(listed);
    }

    /** How many errors were found after the list was full. */
    public long notListed() {
        return notListed;
    }
}
