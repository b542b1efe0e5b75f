package cn.chanrong.matching;

import cn.chanrong.identity.Caller;
import cn.chanrong.matching.domain.MatchScore;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Financing needs (找资金): an enterprise publishes what it needs; the platform ranks the products it is
 * eligible for; institutions see the needs their products match (商机) and express interest.
 */
public interface Needs {

    /** What an enterprise asks for; the amount in yuan, read at the edge. */
    record Request(BigDecimal amount, Integer termMonths, String purpose, List<String> productTypes, String collateral,
                   String urgency, String visibility, List<Long> institutions, Boolean useCreditData) {
    }

    record Need(long id, long enterpriseId, String enterpriseName, String regionCode, BigDecimal amount, int termMonths,
                String purpose, List<String> productTypes, String collateral, String urgency, String visibility,
                List<Long> institutions, boolean useCreditData, Long decisionId, String status, LocalDate publishedOn,
                int interested, int version) {
    }

    /** An eligible product, ranked; {@code expectedRate} in percent a year, null when not priced as a rate. */
    record Match(int rank, long productId, String productCode, String productName, long institutionId,
                 String institutionName, String type, BigDecimal minAmount, BigDecimal maxAmount, int minTermMonths,
                 int maxTermMonths, Double expectedRate, MatchScore.Presence presence, MatchScore.Score score) {
    }

    /** A product the need misses by one condition (a clause, a target, or the amount or term range). */
    record NearMiss(long productId, String productCode, String productName, String institutionName, List<String> failing) {
    }

    record Matches(long needId, List<Match> eligible, List<NearMiss> nearMisses, boolean approvalUsed, Long decisionId,
                   String decisionOutcome, String grade) {
    }

    record Interest(long needId, long institutionId, String institutionName, Long productId, String note, String by,
                    Instant at) {
    }

    /** Filters: status, and for institutions whether only needs their products match (商机). */
    record Filter(String status, Boolean matchingMyProducts) {
    }

    Need publish(Caller caller, Request request);

    Need get(Caller caller, long id);

    Page<Need> search(Caller caller, Filter filter, PageRequest page);

    Matches matches(Caller caller, long id, Locale locale);

    Interest expressInterest(Caller caller, long id, Long productId, String note);

    List<Interest> interests(Caller caller, long id);

    Need withdraw(Caller caller, long id);
}
