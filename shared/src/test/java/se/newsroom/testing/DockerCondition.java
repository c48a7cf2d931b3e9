package se.newsroom.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** The condition behind {@link RequiresDocker}. */
final class DockerCondition implements ExecutionCondition {
    private static Boolean available;
    private boolean announced;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // Decided per test, not per class, so that the report counts each one as skipped.
        if (context.getTestMethod().isEmpty() || isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        String reason = "no Docker engine answers on this machine, so LocalStack cannot start; the same "
                + "assertions ran against DynamoDB Local";
        if (!announced) {
            announced = true;
            System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + reason + ".");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    private static synchronized boolean isDockerAvailable() {
        if (available == null) {
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                available = false;
            }
        }
        return available;
    }
}
