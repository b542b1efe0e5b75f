package cn.chanrong.matching;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Roadshows (一月一链): a regulator holds an event for one chain in one month; enterprises apply;
 * institutions register interest in enterprises with an intended amount and later the signed amount;
 * the event closes with an outcome summary.
 */
public interface Roadshows {

    record Request(String chain, String month, String title, String summary) {
    }

    record Participant(long enterpriseId, String enterpriseName, String pitch, BigDecimal seeking,
                       List<Interest> interests) {
    }

    record Interest(long institutionId, String institutionName, BigDecimal intendedAmount, BigDecimal signedAmount) {
    }

    /** An equity deal an investor opened on an enterprise the roadshow presented (the capital module's). */
    record FollowedDeal(String number, long institutionId, String investorName, long enterpriseId, String enterpriseName,
                        String stage, BigDecimal amount, LocalDate investedOn) {
    }

    /**
     * An event with its totals: enterprises, institutions interested, intended and signed amounts; read one at a time,
     * the participants and the equity deals that followed it.
     */
    record Roadshow(long id, String chain, LocalDate month, String title, String regionCode, String department,
                    String summary, long enterprises, long institutions, BigDecimal intended, BigDecimal signed,
                    List<Participant> participants, List<FollowedDeal> deals) {
    }

    Roadshow create(Caller caller, Request request);

    Page<Roadshow> search(Caller caller, String chain, PageRequest page);

    Roadshow get(Caller caller, long id);

    Roadshow apply(Caller caller, long id, String pitch, java.math.BigDecimal seeking);

    Roadshow registerInterest(Caller caller, long id, long enterpriseId, java.math.BigDecimal intendedAmount);

    Roadshow recordSigned(Caller caller, long id, long enterpriseId, java.math.BigDecimal signedAmount);

    Roadshow summarise(Caller caller, long id, String summary);
}
