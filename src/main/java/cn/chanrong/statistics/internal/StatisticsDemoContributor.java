package cn.chanrong.statistics.internal;

import cn.chanrong.platform.DemoContributor;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Computes the figures once the rest of the demo world is loaded, so the dashboards open with data. */
@Component
class StatisticsDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(StatisticsDemoContributor.class);

    private final StatisticsRefresh refresh;

    StatisticsDemoContributor(StatisticsRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void contribute(Path economy) {
        log.info("Supervision statistics computed in {} ms", refresh.refresh());
    }
}
