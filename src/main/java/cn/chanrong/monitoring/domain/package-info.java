/**
 * Fund-usage monitoring's rules in plain Java: the supporting invoice, the detections on a payment
 * ({@link cn.chanrong.monitoring.domain.ProhibitedUse}, {@link cn.chanrong.monitoring.domain.RoundTrip},
 * {@link cn.chanrong.monitoring.domain.FanOut} as the reference, {@link cn.chanrong.monitoring.domain.Detector}
 * as the fast core the API path and a stream share, {@link cn.chanrong.monitoring.domain.InMemoryHistory} for a
 * stream), an alert's statuses, and the evaluation on AMLSim. Exposed as the {@code domain} named interface, for
 * the command line's evaluation and benchmark.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.monitoring.domain;
