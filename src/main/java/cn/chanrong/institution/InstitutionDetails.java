package cn.chanrong.institution;

import java.time.LocalDate;
import java.util.List;

/** An institution with its branches and its policy-tool participation over time. */
public record InstitutionDetails(Institution institution, String headRegion, List<Branch> branches,
                                 List<Participation> policyTools) {

    public record Branch(long id, String name, String regionCode) {
    }

    /** Taking part in a tool from {@code validFrom} until {@code validTo} (open-ended when null). */
    public record Participation(long id, PolicyTool tool, LocalDate validFrom, LocalDate validTo) {
        public boolean inForceOn(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
        }
    }

    /** The tools in force on {@code date}. */
    public List<PolicyTool> toolsOn(LocalDate date) {
        return policyTools.stream().filter(p -> p.inForceOn(date)).map(Participation::tool).distinct().toList();
    }
}
