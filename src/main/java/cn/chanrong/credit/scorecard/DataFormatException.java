package cn.chanrong.credit.scorecard;

/** A training file that cannot be used as it is; the message names the line or column and the rule. */
public final class DataFormatException extends RuntimeException {

    private final String place;

    public DataFormatException(String place, String message) {
        super(place + ": " + message);
        this.place = place;
    }

    public String place() {
        return place;
    }
}
