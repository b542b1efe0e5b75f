package cn.chanrong.reference.web;

import cn.chanrong.platform.ApiErrors;
import cn.chanrong.reference.RestrictedLists;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The answer to a catalogue import: 200 with the counts, or 422 problem+json naming every bad row's line and column. */
final class ImportReplies {

    private ImportReplies() {
    }

    static ResponseEntity<Map<String, Object>> reply(String kind, RestrictedLists.Imported imported, ApiErrors errors,
                                                     Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("rows", imported.rows());
        json.put("accepted", imported.accepted());
        json.put("created", imported.created());
        json.put("updated", imported.updated());
        json.put("unchanged", imported.unchanged());
        json.put("importId", imported.importId());
        json.put("errors", imported.errors().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", e.line());
            m.put("column", e.column());
            m.put("code", e.rejection().code());
            m.put("message", errors.message(e.rejection(), locale));
            return m;
        }).toList());
        json.put("errorsNotListed", imported.errorsNotListed());
        return imported.accepted() ? ResponseEntity.ok(json) : ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(errors.asProblem(json, HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
    }
}
