package dev.snow.conformance.harness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every test that has not started once the run's verdict is decided
 * ({@link RunContext#decide}): the mutation gate stops a mutant's run at its first kill.
 */
public final class StopWhenDecided implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = RunContext.current().decided();
        return why == null ? ConditionEvaluationResult.enabled("run goes on")
                : ConditionEvaluationResult.disabled("not run: " + why);
    }
}
