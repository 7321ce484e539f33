package dev.snow.conformance.harness;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Display names without Java signatures: a test is shown as its method name (never
 * {@code name(Iut, Tester)}), a class as its simple name. Reports (JUnit XML, Allure, the
 * summary) stay readable and their names valid.
 */
public final class MethodNames implements DisplayNameGenerator {
    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return testClass.getSimpleName();
    }

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        return nestedClass.getSimpleName();
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return testMethod.getName();
    }
}
