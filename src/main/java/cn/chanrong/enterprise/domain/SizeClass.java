package cn.chanrong.enterprise.domain;

/** Enterprise size under 工信部联企业〔2011〕300号: large, or one of the SME classes. */
public enum SizeClass { LARGE, MEDIUM, SMALL, MICRO;

    public boolean isSme() {
        return this != LARGE;
    }
}
