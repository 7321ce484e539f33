package dev.snow.conformance.harness;

import java.util.List;

/**
 * How a requirement test's failure counts, from the levels of its requirement IDs. (The Allure
 * results are written by the command line from the verdicts, dev.snow.conformance.cli.)
 */
final class Reporting {
    private Reporting() {
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
}
