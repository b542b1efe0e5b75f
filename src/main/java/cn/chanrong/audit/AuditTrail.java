package cn.chanrong.audit;

import java.util.List;

/** Writes and checks the audit trail. */
public interface AuditTrail {

    /**
     * Records an entry inside the caller's transaction (it commits or rolls back with the change).
     * The request id comes from the logging context ({@code requestId}).
     */
    void record(AuditEvent event);

    /** Seals every committed, unsealed entry now; returns how many were sealed. */
    int sealPending();

    /** Checks the whole chain in sequence order. */
    Verification verify();

    /** Latest entries, newest first, for administrators. */
    List<Entry> latest(int limit);

    /** The result of a verification: how many links were checked and the first broken one, if any. */
    record Verification(long checked, long unsealed, Long firstBrokenSeq, String problem) {
        public boolean intact() {
            return firstBrokenSeq == null;
        }
    }

    /** A stored entry. */
    record Entry(long id, Long seq, String occurredAt, String actor, String action, String targetType,
                 String targetId, String requestId, String outcome, String detail) {
    }
}
