package dev.snow.conformance.cli;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Allure's JUnit Platform listener, with history ids that include the implementation: the same
 * test run against two implementations is two results in the report, not two retries of one.
 */
final class ImplementationAllureListener extends AllureJunitPlatform {
    private final String implementation;

    ImplementationAllureListener(AllureLifecycle lifecycle, String implementation) {
        super(lifecycle);
        this.implementation = implementation;
    }

    @Override
    protected String getHistoryId(TestIdentifier id) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((implementation + "|" + id.getUniqueId()).getBytes(StandardCharsets.UTF_8));
            return dev.snow.conformance.peer.Hex.of(d);
        } catch (NoSuchAlgorithmException e) {
            return implementation + "|" + super.getHistoryId(id);
        }
    }
}
