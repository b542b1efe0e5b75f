/**
 * Data-credit features in plain Java: rolling 3/6/12-month aggregates of an enterprise's categorised
 * cash flows, computed over a columnar block of transactions so that one pass serves one enterprise
 * on demand or a hundred thousand in a batch.
 */
@org.springframework.modulith.NamedInterface("features")
package cn.chanrong.credit.features;
