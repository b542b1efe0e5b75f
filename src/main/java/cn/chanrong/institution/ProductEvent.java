package cn.chanrong.institution;

/** Published through the outbox when a product's availability changes, so matching can refresh eligibility. */
public sealed interface ProductEvent {

    long productId();

    record ProductPublished(long productId, int version) implements ProductEvent {
    }

    record ProductWithdrawn(long productId) implements ProductEvent {
    }
}
