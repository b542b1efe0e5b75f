package cn.chanrong.demo.generator;

/** Qualifications an enterprise may hold (FACTS.md §5). */
public enum Qualification {
    HIGH_TECH, TECH_SME, INNOVATIVE_SME, SPECIALISED_SME, LITTLE_GIANT, SINGLE_CHAMPION, CHAIN_LEADER, FIRST_SET
}
