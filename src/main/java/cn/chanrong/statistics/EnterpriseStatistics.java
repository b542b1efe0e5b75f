package cn.chanrong.statistics;

import cn.chanrong.identity.Caller;
import java.util.List;

/** Registry statistics for regulators, limited to the caller's region. */
public interface EnterpriseStatistics {

    List<EnterpriseCount> byProvinceAndSize(Caller caller);

    Overview overview(Caller caller);
}
