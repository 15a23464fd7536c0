/**
 * Host-failure recovery: one delegate per service task of {@code bpmn/host-failure-recovery.bpmn},
 * each small and named like its task; the rules they apply live in plain Java next to them
 * ({@link org.instanceha.recovery.TargetPlanner}, {@link org.instanceha.recovery.RegistrationRules},
 * {@link org.instanceha.recovery.ProtectedInstanceRules}, {@link org.instanceha.recovery.EvacuationProgressRules}).
 * This is the only package that imports Camunda, besides security.
 */
package org.instanceha.recovery;
