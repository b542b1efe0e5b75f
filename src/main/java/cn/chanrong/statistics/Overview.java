package cn.chanrong.statistics;

import java.util.List;

/** A regulator's overview of the registry within its region: counts by province, by chain and by size. */
public record Overview(String scope, long enterprises, List<Count> byProvince, List<Count> byChain, List<Count> bySize) {

    /** A labelled count; {@code key} is a code (province, chain tag, size class). */
    public record Count(String key, long count) {
    }
}
