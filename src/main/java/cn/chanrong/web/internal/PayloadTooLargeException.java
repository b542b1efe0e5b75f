package cn.chanrong.web.internal;

/** The request body exceeded the configured limit. */
class PayloadTooLargeException extends RuntimeException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
