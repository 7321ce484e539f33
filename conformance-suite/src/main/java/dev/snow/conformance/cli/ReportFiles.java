package dev.snow.conformance.cli;

import dev.snow.conformance.harness.RequirementCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a finished run leaves for people to read, from its verdicts: the Allure results
 * (one result per test and implementation, plus the run-wide files) and the requirement ×
 * implementation matrix beside the summaries. Public so that the reports module can render a
 * report from known results in its browser check.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * @param outputDir      where the summaries are; the matrix goes there
     * @param allureDir      the Allure results directory (not emptied here)
     * @param previousReport an earlier Allure report whose history/ carries over, or null
     */
    public static void write(List<ImplementationResult> results, RequirementCatalog catalog, Path outputDir, Path allureDir,
                             Path previousReport) throws IOException {
        for (ImplementationResult r : results) {
            AllureResults.write(r, catalog, allureDir);
        }
        RequirementMatrix.write(results, catalog, outputDir);
        AllureRunFiles.write(allureDir, results, previousReport);
    }
}
