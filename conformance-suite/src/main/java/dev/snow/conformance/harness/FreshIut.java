package dev.snow.conformance.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test needs its own IUT node with these {@code start} settings instead of the run's shared
 * node. On a class: one node for all its tests; on a method: one node for that test. A value of
 * -1 means "not sent" (the adapter's default).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FreshIut {
    int heartbeatIntervalMs() default -1;

    int heartbeatTimeoutMs() default -1;

    int handshakeTimeoutMs() default -1;

    int maxNodeId() default -1;

    int maxPendingHandshakes() default -1;

    /** -1: the suite's fixed creation; 0: not sent (the node picks one at random, ID-6). */
    int creation() default -1;

    /** Empty: the suite's cookie for this node. */
    String cookie() default "";

    /** Empty: a fresh {@code iut-N@127.0.0.1} name. */
    String name() default "";

    /** Send neither host nor port: the node must listen where its name says (NAME-3). */
    boolean listenWhereNameSays() default false;

    /** The adapter's start {@code profile} ("base" or "hardened", HARD-1); empty sends none. */
    String profile() default "";
}
