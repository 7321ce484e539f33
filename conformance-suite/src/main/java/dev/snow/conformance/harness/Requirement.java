package dev.snow.conformance.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The requirement IDs (docs/requirements.json) a test checks. On a {@code @TestFactory} it lists
 * the union of its cases; each dynamic case names its own IDs in brackets at the start of its
 * display name, e.g. {@code "M07 [FRAME-4, FRAME-8] unknown tag 7"}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requirement {
    String[] value();
}
