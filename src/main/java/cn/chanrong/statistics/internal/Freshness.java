package cn.chanrong.statistics.internal;

import cn.chanrong.enterprise.EnterpriseProfileChanged;
import cn.chanrong.enterprise.EnterpriseRegistered;
import cn.chanrong.lending.LoanEvent;
import cn.chanrong.matching.MatchingEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How the aggregates stay fresh: every event that changes a figure marks them stale, and a scheduled
 * pass rebuilds them when stale (every {@code chanrong.statistics.refresh-interval-ms}, 30 s by
 * default), but not while end of day runs in this process (a half-closed book would mix tiers of two
 * days), and at most a tenth of the time: after a rebuild the next waits nine times as long as it took,
 * so a busy platform whose figures are always stale does not spend its cores rebuilding them. The
 * dashboard shows the date and time of the figures it reads.
 */
@Component
class Freshness {

    private final StatisticsStore store;
    private final StatisticsRefresh refresh;
    private final boolean auto;
    private final cn.chanrong.lending.EndOfDay endOfDay;
    /** When the next scheduled rebuild may start ({@link System#nanoTime()}). */
    private volatile long nextAllowed = System.nanoTime();

    Freshness(StatisticsStore store, StatisticsRefresh refresh, cn.chanrong.lending.EndOfDay endOfDay,
              @Value("${chanrong.statistics.auto-refresh:true}") boolean auto) {
        this.store = store;
        this.refresh = refresh;
        this.endOfDay = endOfDay;
        this.auto = auto;
    }

    private void stale() {
        store.markStale();
    }

    @ApplicationModuleListener
    void on(LoanEvent e) {
        stale();
    }

    @ApplicationModuleListener
    void on(MatchingEvent e) {
        stale();
    }

    @ApplicationModuleListener
    void on(EnterpriseRegistered e) {
        stale();
    }

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged e) {
        stale();
    }

    @Scheduled(fixedDelayString = "${chanrong.statistics.refresh-interval-ms:30000}",
            initialDelayString = "${chanrong.statistics.refresh-interval-ms:30000}")
    void rebuildWhenStale() {
        // not while end of day runs: the book is half closed for the day until it finishes; and never more
        // than a tenth of the time: after a rebuild, wait nine times as long as it took
        if (auto && !endOfDay.running() && System.nanoTime() - nextAllowed >= 0 && store.stale()) {
            long started = System.nanoTime();
            refresh.refresh();
            long took = System.nanoTime() - started;
            nextAllowed = System.nanoTime() + 9 * took;
        }
    }
}
