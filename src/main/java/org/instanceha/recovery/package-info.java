/**
 * Host-failure recovery: one class per service task of {@code bpmn/host-failure-recovery.bpmn} and of
 * {@code bpmn/instance-evacuation.bpmn} (the process its call activity starts per instance), named
 * like its task and holding that task's work ({@link org.instanceha.recovery.RegisterNotification},
 * {@link org.instanceha.recovery.PlanTargets}, {@link org.instanceha.recovery.EvacuateInstance}, ...).
 * Each extends {@link org.instanceha.recovery.RecoveryTask}, reads and writes its variables through
 * {@link org.instanceha.recovery.TaskRun} and reports progress under the task's name in the model.
 * The rules they apply are plain Java beside them: {@link org.instanceha.recovery.TargetPlanner},
 * {@link org.instanceha.recovery.CandidateHostRules}, {@link org.instanceha.recovery.RegistrationRules},
 * {@link org.instanceha.recovery.ProtectedInstanceRules}, {@link org.instanceha.recovery.EvacuabilityRules},
 * {@link org.instanceha.recovery.EvacuationProgressRules}, {@link org.instanceha.recovery.PowerStateRules},
 * {@link org.instanceha.recovery.StrandedNotificationRules}. The model's names (process key, variables,
 * error codes) are in {@link org.instanceha.recovery.HostFailureRecovery}. Besides security and the
 * dashboard's Tasklist count, this is the only package that imports Camunda.
 */
package org.instanceha.recovery;
