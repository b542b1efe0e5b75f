package cn.chanrong.credit;

import cn.chanrong.identity.Caller;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The model registry: versioned scorecards with their validation reports. A model scores decisions
 * only once a second person has approved it, from its effective date; the latest approved champion of
 * a segment is used, falling back to the parent segment, then to ALL.
 */
public interface CreditModels {

    record Model(long id, String name, String segment, int version, String role, String status, LocalDate effectiveFrom,
                 String trainedBy, Instant trainedAt, String approvedBy, Instant approvedAt) {
    }

    /** A model with its document (the scorecard) and validation report, as stored JSON. */
    record ModelDetail(Model model, @JsonRawValue String document, @JsonRawValue String validation) {
    }

    List<Model> list(Caller caller);

    ModelDetail get(Caller caller, long id);

    Model approve(Caller caller, long id, LocalDate effectiveFrom);

    Model reject(Caller caller, long id, String reason);
}
