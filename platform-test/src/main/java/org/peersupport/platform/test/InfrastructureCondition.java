package org.peersupport.platform.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a service test, before its context starts, when {@code -Dpeersupport.test.infrastructure=containers} asks
 * for real Kafka and MongoDB and no Docker engine answers; otherwise says in the test report which parts it runs on.
 */
public class InfrastructureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TestInfrastructure.ofThisJvm()
                .map(parts -> ConditionEvaluationResult.enabled("running on " + parts.name().toLowerCase()))
                .orElseGet(() -> ConditionEvaluationResult.disabled(
                        "containers asked for (" + TestInfrastructure.SETTING + "=containers) and no Docker engine"
                                + " answers: skipped"));
    }
}
