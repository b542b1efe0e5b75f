package cn.chanrong.enterprise;

import java.util.List;

/**
 * Who stands behind an enterprise: its group, actual controller and related parties (public
 * registration facts; later issues check related-party flows and group concentration).
 */
public record Affiliation(String groupCode, String groupName, String actualController, List<RelatedParty> relatedParties) {

    public record RelatedParty(long enterpriseId, String creditCode, String name, String relation) {
    }
}
