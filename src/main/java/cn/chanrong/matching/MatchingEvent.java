package cn.chanrong.matching;

/** Published through the outbox when docking moves, for the statistics and anything else that counts it. */
public sealed interface MatchingEvent {

    record NeedPublished(long needId, long enterpriseId) implements MatchingEvent {
    }

    record InterestExpressed(long needId, long institutionId) implements MatchingEvent {
    }

    record PushStepRecorded(long itemId, long institutionId, String status) implements MatchingEvent {
    }
}
