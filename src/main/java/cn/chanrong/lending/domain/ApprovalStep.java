package cn.chanrong.lending.domain;

/** The steps an application passes (调查 → 审查 → 审批), and which authority each needs. */
public enum ApprovalStep {
    INVESTIGATION("调查", "Investigation", "operator"),
    REVIEW("审查", "Review", "reviewer"),
    APPROVAL("审批", "Approval", "approver");

    private final String zh;
    private final String en;
    private final String authority;

    ApprovalStep(String zh, String en, String authority) {
        this.zh = zh;
        this.en = en;
        this.authority = authority;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** The user authority that may act on this step (an approver may also review). */
    public boolean mayAct(java.util.Set<String> authorities) {
        return authorities.contains(authority) || this == REVIEW && authorities.contains("approver");
    }

    public String authority() {
        return authority;
    }
}
