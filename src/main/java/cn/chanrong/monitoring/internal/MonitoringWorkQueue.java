package cn.chanrong.monitoring.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.WorkQueue;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.shared.PageRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/** A bank's open fund-usage alerts, to confirm or dismiss. */
@Component
class MonitoringWorkQueue implements WorkQueue {

    private final Monitoring monitoring;

    MonitoringWorkQueue(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public List<Entry> entries(Caller caller) {
        if (!caller.is(Role.INSTITUTION)) {
            return List.of();
        }
        long n = monitoring.alerts(caller, "OPEN", PageRequest.of(0, 1)).total();
        return List.of(new Entry("open-alerts", "queue.open-alerts", n, "/monitoring/alerts?status=OPEN", false));
    }
}
