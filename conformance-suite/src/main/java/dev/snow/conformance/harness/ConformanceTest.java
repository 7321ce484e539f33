package dev.snow.conformance.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a requirement test class: the {@link ConformanceExtension} gives its tests an
 * {@link Iut} and a {@link Tester}, captures the wire and the adapter per test, applies the
 * implementation's expectations and labels the results by requirement; {@link StopWhenDecided}
 * skips what is left of a run once its verdict is decided (the mutation gate's kills).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({StopWhenDecided.class, ConformanceExtension.class})
@Tag("conformance")
public @interface ConformanceTest {
}
