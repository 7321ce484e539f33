package dev.snow.conformance.harness;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Allure labels and attachments of requirement tests: epic = implementation, feature = spec
 * section, story = requirement ID (the Behaviors tab then browses by requirement), plus a
 * {@code requirement} label per ID and a history id that keeps implementations apart. Does
 * nothing when no Allure listener runs.
 */
final class Reporting {
    private Reporting() {
    }

    static void label(RunContext run, String key, List<String> ids) {
        AllureLifecycle life = Allure.getLifecycle();
        if (life.getCurrentTestCase().isEmpty()) {
            return;
        }
        String impl = run.implementation().name();
        Allure.label("parentSuite", impl);
        Allure.epic(impl);
        RequirementCatalog catalog = RequirementCatalog.bundled();
        if (ids.isEmpty()) {
            Allure.feature("Adapter contract (docs/ADAPTER.md)");
        }
        for (String id : ids) {
            RequirementCatalog.Spec spec = catalog.get(id);
            Allure.label("requirement", id);
            Allure.feature(spec == null ? "unknown section" : spec.section());
            Allure.story(spec == null ? id : id + " (" + spec.level() + ") " + spec.text());
        }
        Allure.parameter("implementation", impl);
        String history = sha256(impl + "|" + key);
        life.updateTestCase(tc -> tc.setHistoryId(history));
    }

    static void attach(String name, String text) {
        if (Allure.getLifecycle().getCurrentTestCase().isEmpty() || text.isEmpty()) {
            return;
        }
        Allure.addAttachment(name, "text/plain", text, ".txt");
    }

    /**
     * The level that decides how a failure counts: SHOULD or INFO when every ID has that level,
     * else MUST.
     */
    static String level(List<String> ids) {
        if (ids.isEmpty()) {
            return "MUST";
        }
        RequirementCatalog catalog = RequirementCatalog.bundled();
        String level = null;
        for (String id : ids) {
            RequirementCatalog.Spec s = catalog.get(id);
            String l = s == null ? "MUST" : s.level();
            if (level != null && !level.equals(l)) {
                return "MUST";
            }
            level = l;
        }
        return level;
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return dev.snow.conformance.peer.Hex.of(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
