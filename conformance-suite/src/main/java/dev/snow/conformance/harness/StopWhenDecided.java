package dev.snow.conformance.harness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips every test that has not started once the run's verdict is decided
 * ({@link RunContext#decide}): the mutation gate stops a mutant's run at its first kill. Dynamic
 * tests (a {@code @TestFactory}'s cases), which no execution condition reaches, are skipped as
 * they are invoked.
 */
public final class StopWhenDecided implements ExecutionCondition, InvocationInterceptor {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = RunContext.current().decided();
        return why == null ? ConditionEvaluationResult.enabled("run goes on")
                : ConditionEvaluationResult.disabled("not run: " + why);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext extensionContext) throws Throwable {
        String why = RunContext.current().decided();
        if (why != null) {
            invocation.skip();
            throw new TestAbortedException("not run: " + why);
        }
        invocation.proceed();
    }
}
