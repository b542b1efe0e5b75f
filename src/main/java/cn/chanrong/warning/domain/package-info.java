/**
 * Plain Java: the lists' severities, the exposures' states and answers, the signals and levels, the coaching cases'
 * states, the contagion rule and the grade-drop rule. Named, so that the benchmarks run the contagion rule's results.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.warning.domain;
