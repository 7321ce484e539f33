package dev.snow.ref.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ID-6 / ID-7: creation from --creation, else previous+1 from the state file (255 -> 1), else random. */
class CreationStateTest {
    @TempDir
    Path dir;

    @Test
    void next_adds_one_and_wraps_255_to_1() {
        assertThat(CreationState.next(1)).isEqualTo(2);
        assertThat(CreationState.next(254)).isEqualTo(255);
        assertThat(CreationState.next(255)).isEqualTo(1);
    }

    @Test
    void a_state_file_counts_restarts_and_remembers_an_explicit_creation() throws Exception {
        Path state = dir.resolve("state");

        int first = CreationState.choose(null, state);
        int second = CreationState.choose(null, state);
        int explicit = CreationState.choose(254, state);
        int afterExplicit = CreationState.choose(null, state);
        int wrapped = CreationState.choose(null, state);

        assertThat(first).isBetween(1, 255);
        assertThat(second).isEqualTo(CreationState.next(first));
        assertThat(explicit).isEqualTo(254);
        assertThat(afterExplicit).isEqualTo(255);
        assertThat(wrapped).isEqualTo(1);
        assertThat(Files.readString(state).strip()).isEqualTo("1");
    }

    @Test
    void a_corrupt_state_file_is_a_usage_error_that_shows_what_it_holds() throws Exception {
        Path state = Files.writeString(dir.resolve("state"), "zero\n");

        assertThatThrownBy(() -> CreationState.choose(null, state))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("must hold the previous creation (1..255), holds \"zero\"");
    }
}
