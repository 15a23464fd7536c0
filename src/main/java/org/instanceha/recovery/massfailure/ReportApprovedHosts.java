package org.instanceha.recovery.massfailure;

import static org.instanceha.recovery.massfailure.MassFailureApproval.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.instanceha.notification.ApprovedFailures;
import org.springframework.stereotype.Component;

/**
 * "Report approved hosts": reports every host of the approved mass failure as the host monitor judged it, each
 * through the notification intake like any monitor's report. Safe to run twice: a host reported already is
 * refused by the intake's duplicate and maintenance rules, and left to the notification that has it.
 * <p>
 * Reads {@code failedHosts}, {@code operatorUser}, {@code operatorComment}.
 */
@Component
public class ReportApprovedHosts implements JavaDelegate {

    private final ApprovedFailures approved;
    private final ObjectMapper json;

    ReportApprovedHosts(ApprovedFailures approved, ObjectMapper json) {
        this.approved = approved;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approved.report(FailedHosts.read(json, (String) execution.getVariable(FAILED_HOSTS)),
                (String) execution.getVariable(OPERATOR_USER), (String) execution.getVariable(OPERATOR_COMMENT));
    }
}
