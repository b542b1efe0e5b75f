package cn.chanrong.statistics.internal;

import cn.chanrong.enterprise.EnterpriseProfileChanged;
import cn.chanrong.enterprise.EnterpriseRegistered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps one fact row per enterprise from registry events; the version guard ignores stale redeliveries. */
@Component
class EnterpriseFacts {

    private final EnterpriseFactStore store;

    EnterpriseFacts(EnterpriseFactStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(EnterpriseRegistered e) {
        store.upsert(e.enterpriseId(), 0, e.regionCode(), e.industryCode(), e.sizeClass());
    }

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged e) {
        store.upsert(e.enterpriseId(), e.version(), e.regionCode(), e.industryCode(), e.sizeClass());
    }

    /** Replaces the enterprise's tags with the event's full set: a redelivery writes the same rows again. */
    @ApplicationModuleListener
    void on(cn.chanrong.enterprise.EnterpriseChainTagsChanged e) {
        store.replaceChainTags(e.enterpriseId(), e.tags());
    }
}
