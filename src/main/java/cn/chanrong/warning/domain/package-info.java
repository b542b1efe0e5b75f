/** Plain Java: the lists' severities, the exposures' states and answers, and the rules of a list's rows. */
package cn.chanrong.warning.domain;
