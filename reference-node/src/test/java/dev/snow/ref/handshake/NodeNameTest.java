package dev.snow.ref.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Node names (NAME-1..NAME-4) and the tiebreak order (TIE-1). */
class NodeNameTest {

    @ParameterizedTest
    @CsvSource({
            "alpha@127.0.0.1:9101, alpha, 127.0.0.1, 9101",
            "node_1-x@example.com, node_1-x, example.com, 9000",
            "a@hôst, a, hôst, 9000",
            "v6@[::1]:9101, v6, [::1], 9101",
            "v6@[fe80::1], v6, [fe80::1], 9000",
            "a@h:65535, a, h, 65535"})
    void validNamesSplitIntoAliveHostAndPort(String name, String alive, String host, int port) throws Exception {
        NodeName n = NodeName.parse(name);

        assertThat(n.full()).isEqualTo(name);
        assertThat(n.alive()).isEqualTo(alive);
        assertThat(n.host()).isEqualTo(host);
        assertThat(n.port()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha", "al.pha@h", "@h", "alpha@", "alpha@:9101", "a@b@c", "alpha@fe80::1", "alpha@[::1:9101",
            "alpha@[]:9101", "alpha@[::1]x", "a@h:0", "a@h:65536", "a@h:12a", "a@h:", "a@h:09101", "a b@h"})
    void invalidNamesAreRefusedNamingTheRuleAndTheValue(String name) {
        assertThatThrownBy(() -> NodeName.parse(name)).isInstanceOf(InvalidNameException.class)
                .hasMessageStartingWith("NAME-1").hasMessageContaining(name);
    }

    @Test
    void lengthIsCountedInBytes() throws Exception {
        String host255 = "h".repeat(253);
        assertThat(NodeName.parse("a@" + host255).full()).hasSize(255);
        assertThatThrownBy(() -> NodeName.parse("a@" + host255 + "h")).hasMessageStartingWith("NAME-2");
        assertThatThrownBy(() -> NodeName.parse("a@" + "é".repeat(127))).hasMessageStartingWith("NAME-2"); // 2 + 254 bytes
        assertThatThrownBy(() -> NodeName.parse("")).hasMessageStartingWith("NAME-2");
    }

    @Test
    void namesCompareExactlyWithoutAnImplicitPort() throws Exception {
        assertThat(NodeName.parse("a@h")).isNotEqualTo(NodeName.parse("a@h:9000"));
        assertThat(NodeName.parse("a@h").port()).isEqualTo(NodeName.parse("a@h:9000").port());
        assertThat(NodeName.parse("A@h")).isNotEqualTo(NodeName.parse("a@h"));
    }

    @Test
    void tiebreakOrderIsUnsignedByteWise() throws Exception {
        assertThat(NodeName.parse("a@h:1").compareTo(NodeName.parse("b@h:2"))).isNegative();
        assertThat(NodeName.parse("a@h").compareTo(NodeName.parse("a@h:1"))).isNegative(); // prefix is smaller
        // 'é' is 0xC3 0xA9 in UTF-8: above every ASCII byte, although Java's signed bytes say otherwise.
        assertThat(NodeName.parse("a@é").compareTo(NodeName.parse("a@z"))).isPositive();
        assertThat(NodeName.parse("Z@h").compareTo(NodeName.parse("a@h"))).isNegative();
    }
}
