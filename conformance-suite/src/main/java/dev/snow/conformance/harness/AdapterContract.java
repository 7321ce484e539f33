package dev.snow.conformance.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of the adapter contract (docs/ADAPTER.md) rather than of a protocol requirement;
 * the summary lists it on the ADAPTER row.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdapterContract {
}
