package dev.snow.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge command a shell really splits into the image and environment it was given. */
class ImageCommandTest {
    @Test
    void theShellGetsBackExactlyTheWordsWeQuoted() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "it's $HOME; `x` \"q\"");
        env.put("B", "");
        String command = ImageCommand.of("ghcr.io/me/snow:1", env).replace(ImageCommand.BRIDGE, "printf '%s\\n'");

        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo("--env\nA=it's $HOME; `x` \"q\"\n--env\nB=\nghcr.io/me/snow:1\n");
    }

    @Test
    void imageReferencesAreCheckedAsDockerReadsThem() {
        assertThat(ImageCommand.whyInvalid("snow-node")).isNull();
        assertThat(ImageCommand.whyInvalid("ghcr.io/shopify/toxiproxy:2.12.0")).isNull();
        assertThat(ImageCommand.whyInvalid("localhost:5000/team/snow_node:v1.2-rc")).isNull();
        assertThat(ImageCommand.whyInvalid("snow@sha256:" + "a".repeat(64))).isNull();
        assertThat(ImageCommand.whyInvalid("Snow-Node")).contains("\"Snow-Node\"").contains("lower-case");
        assertThat(ImageCommand.whyInvalid("snow node")).isNotNull();
        assertThat(ImageCommand.whyInvalid("snow:")).isNotNull();
        assertThat(ImageCommand.whyInvalid("-snow")).isNotNull();
    }
}
