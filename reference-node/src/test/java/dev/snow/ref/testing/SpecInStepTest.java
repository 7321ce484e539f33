package dev.snow.ref.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/requirements.json and the bold statements of docs/PROTOCOL.md say the same, ID by ID. */
class SpecInStepTest {
    private static final Pattern STATEMENT = Pattern.compile("(?m)^\\*\\*([A-Z]+-\\d+)\\*\\* \\((MUST|SHOULD|INFO)\\) (.*)$");

    @Test
    void everyRequirementIsStatedInTheSpecWithTheSameLevelAndText() throws Exception {
        String spec = Files.readString(Docs.path("PROTOCOL.md"));
        Map<String, String> stated = new LinkedHashMap<>();
        Matcher m = STATEMENT.matcher(spec);
        while (m.find()) {
            stated.put(m.group(1), "(" + m.group(2) + ") " + m.group(3));
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode r : Docs.json("requirements.json").path("requirements")) {
            listed.put(r.path("id").asText(), "(" + r.path("level").asText() + ") " + r.path("text").asText());
        }

        assertThat(listed).isEqualTo(stated);
    }
}
