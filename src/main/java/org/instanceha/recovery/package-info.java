/**
 * The recovery engine. This root package holds the shared task runtime and the names every workflow shares:
 * {@link org.instanceha.recovery.RecoveryTask} (the base of every delegate), {@link org.instanceha.recovery.TaskRun}
 * (a task's variables and progress), {@link org.instanceha.recovery.WorkflowNames} and
 * {@link org.instanceha.recovery.ProtectedInstanceRules}. Each workflow is a sub-package with one class per
 * service task of its model, named like the task:
 * <ul>
 *   <li>{@code hostfailure} ({@code bpmn/host-failure-recovery.bpmn}):
 *       {@link org.instanceha.recovery.hostfailure.RegisterNotification},
 *       {@link org.instanceha.recovery.hostfailure.FenceHost},
 *       {@link org.instanceha.recovery.hostfailure.PlanTargets}, ...; its names in
 *       {@link org.instanceha.recovery.hostfailure.HostFailureRecovery}, its rules in
 *       {@link org.instanceha.recovery.hostfailure.RegistrationRules};</li>
 *   <li>{@code evacuation} ({@code bpmn/instance-evacuation.bpmn}, one process per instance):
 *       {@link org.instanceha.recovery.evacuation.EvacuateInstance}, ...; its rules in
 *       {@link org.instanceha.recovery.evacuation.EvacuabilityRules},
 *       {@link org.instanceha.recovery.evacuation.EvacuationProgressRules} and
 *       {@link org.instanceha.recovery.evacuation.PowerStateRules};</li>
 *   <li>{@code instancefailure}, {@code processfailure} and {@code massfailure}: the other models;</li>
 *   <li>{@code planning}: {@link org.instanceha.recovery.planning.TargetPlanner} and
 *       {@link org.instanceha.recovery.planning.CandidateHostRules}, plain Java;</li>
 *   <li>{@code operator} (Tasklist), {@code stranded}
 *       ({@link org.instanceha.recovery.stranded.StrandedNotificationRules}) and {@code deployment}
 *       (checks of the deployed models).</li>
 * </ul>
 * The rules are plain Java beside their tasks. Besides security and the dashboard's Tasklist count, this is
 * the only package that imports Camunda.
 */
package org.instanceha.recovery;
