package io.artifactpipeline.app;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One running app and one browser for every browser test class (starting them is most of the suite's
 * time), closed when the test run ends. Each test signs in as a user of its own and starts from a blank
 * tab, so the classes and their tests share no state and run in any order.
 * Without a browser the classes are skipped with a message, except under {@code CI=true}.
 */
final class SharedWorkspace implements ExecutionCondition, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedWorkspace.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.isInstalled() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("a browser is installed, or CI requires one");
        }
        return ConditionEvaluationResult.disabled("browser tests need " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                + " (apt-get install chromium chromium-driver); skipping");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Workspace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Workspace.class, key -> {
            try {
                return Workspace.start(Files.createTempDirectory("web-workspace"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Workspace.class);
    }
}
