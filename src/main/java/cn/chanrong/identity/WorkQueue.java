package cn.chanrong.identity;

import java.util.List;

/**
 * A module's share of a caller's home page (issue 24 §1): the work waiting for this caller, each entry a kind, its
 * label (a message key), how many, and the page where it is done. Modules implement it; the workbench's home collects
 * every implementation's entries, so a module adds its queue without the shell knowing it.
 */
public interface WorkQueue {

    /** {@code urgent}: some of it is past its due day. */
    record Entry(String kind, String label, long count, String href, boolean urgent) {
    }

    /** The entries for this caller, empty when the module has nothing for it; never throws for a role it does not serve. */
    List<Entry> entries(Caller caller);
}
