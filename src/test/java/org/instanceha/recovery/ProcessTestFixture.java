package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;

/**
 * What the four process tests share: an in-memory engine whose coverage of flow nodes and sequence flows must be
 * 100% per test class (the report is under target/process-test-coverage), stand-ins for every bean a model
 * names, and running a process instance's jobs.
 * <p>
 * The engine's configuration is {@code process-test.camunda.cfg.xml}, not {@code camunda.cfg.xml}: a file of
 * that name on the test classpath is picked up by {@code ProcessEngines.init()} when engine-rest looks up the
 * default engine, and it would replace the application's engine in the Spring Boot tests.
 */
abstract class ProcessTestFixture {

    /** The engine of one process test class, its coverage enforced; register it as a static extension. */
    static ProcessEngineCoverageExtension coverageAtOneHundredPercent() {
        return (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension.Companion
                .builder("process-test.camunda.cfg.xml").assertClassCoverageAtLeast(1.0).build();
    }

    /** Stand-in for the retry policy bean the models reference. */
    public static class Retry {
        public String getCycle() {
            return "R0/PT1S";
        }
    }

    /**
     * Every bean the model names gets a stand-in: the given one, or one that does nothing; its retry policies
     * never retry. A stand-in for a bean the model does not name fails the test (it would steer nothing).
     */
    static ModelBeans registerStandIns(String model, Map<String, JavaDelegate> standIns) {
        ModelBeans beans = ModelBeans.of(model);
        assertThat(beans.delegates()).as("stand-ins for beans the model does not name").containsAll(standIns.keySet());
        beans.delegates().forEach(name -> Mocks.register(name, standIns.getOrDefault(name, e -> { })));
        beans.retryPolicies().forEach(name -> Mocks.register(name, new Retry()));
        return beans;
    }

    /** Runs the instance's jobs until none is left: it ended, or waits for an operator. */
    static ProcessInstance runJobs(ProcessInstance instance) {
        for (int i = 0; i < 100; i++) {
            List<Job> jobs = managementService().createJobQuery().processInstanceId(instance.getId()).list();
            if (jobs.isEmpty()) {
                return instance;
            }
            managementService().executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("the process did not end");
    }

    @AfterEach
    void forgetStandIns() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }
}
