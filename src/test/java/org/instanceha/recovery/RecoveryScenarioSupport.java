package org.instanceha.recovery;

/**
 * The recovery scenarios (tag {@code workflow}): left out of the keystone pass, since how a caller
 * authenticates changes nothing in a workflow; they run on H2 and PostgreSQL.
 */
@org.junit.jupiter.api.Tag("workflow")
abstract class RecoveryScenarioSupport extends RecoveryApiSupport {
}
