package org.peersupport.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class InfrastructureConditionTest {

    @Test
    void aServiceTestRunsOrIsSkippedAsTheChoiceOfThisJvmSays() {
        ConditionEvaluationResult result = new InfrastructureCondition().evaluateExecutionCondition(null);
        assertThat(result.isDisabled()).isEqualTo(TestInfrastructure.ofThisJvm().isEmpty());
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .containsAnyOf("running on embedded", "running on containers", "no Docker engine answers"));
    }
}
