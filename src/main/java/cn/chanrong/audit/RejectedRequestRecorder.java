package cn.chanrong.audit;

/**
 * Records a rejected request after its business transaction has rolled back, in a transaction of
 * its own. Called by the web layer's error handling and by the command line, never from inside a
 * business transaction.
 */
public interface RejectedRequestRecorder {

    void recordRejected(String actor, String action, String targetType, String targetId, String reason);
}
