/**
 * How instance-ha notices failed hosts by itself. {@link org.instanceha.detection.DetectionRules} reads one
 * host's signals (Nova's heartbeat, its management address, its BMC) as a verdict, the safe way;
 * {@link org.instanceha.detection.HostWatch} confirms a verdict over several cycles before anything is reported,
 * and forgets a host that came back; {@link org.instanceha.detection.CycleCheck} refuses verdicts from a cycle
 * in which the observer itself was cut off. Plain Java, no Spring, no Camunda.
 */
package org.instanceha.detection;
