package dev.snow.conformance.harness;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable names of requirement tests, as written in expectations files:
 * {@code <class relative to dev.snow.conformance>#<method>} and, for a dynamic case,
 * {@code ...#<method>[<case id>]} where the case id is the first word of its display name.
 * <pre>
 *   digests.CookieMismatchTest#wrongReplyDigest
 *   framing.MalformedInputTest#malformations[M07]
 * </pre>
 */
public final class TestKey {
    public static final String ROOT = "dev.snow.conformance.";
    private static final Pattern IDS = Pattern.compile("\\[([A-Z]+-\\d+(?:\\s*,\\s*[A-Z]+-\\d+)*)\\]");

    private TestKey() {
    }

    public static String of(Class<?> testClass, Method method) {
        return of(testClass.getName(), method.getName());
    }

    public static String of(String className, String methodName) {
        String cls = className.startsWith(ROOT) ? className.substring(ROOT.length()) : className;
        return cls + "#" + methodName;
    }

    /** The key of a dynamic case under the factory {@code parentKey}. */
    public static String ofCase(String parentKey, String displayName) {
        return parentKey + "[" + caseId(displayName) + "]";
    }

    public static String caseId(String displayName) {
        String s = displayName.strip();
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** Requirement IDs named in brackets in a dynamic case's display name. */
    public static List<String> idsInDisplayName(String displayName) {
        List<String> ids = new ArrayList<>();
        Matcher m = IDS.matcher(displayName);
        if (m.find()) {
            for (String id : m.group(1).split(",")) {
                ids.add(id.strip());
            }
        }
        return ids;
    }

    /** A file-system-safe form of a key, for per-test artifact directories. */
    public static String fileName(String key) {
        return key.replace('#', '.').replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
