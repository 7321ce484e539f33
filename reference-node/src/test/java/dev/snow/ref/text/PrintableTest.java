package dev.snow.ref.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LOG-1 (escapes) and LOG-2 (names cut to a stated length). */
class PrintableTest {
    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("bidi override U+202E", "a@h" + ch(0x202E) + "exe.", "a@h\\u202Eexe."),
                Arguments.of("next line U+0085", "a@h" + ch(0x85) + "b", "a@h\\u0085b"),
                Arguments.of("line feed", "a@h" + ch(0x0A) + "b", "a@h\\u000Ab"),
                Arguments.of("escape (ANSI colours)", "a@" + ch(0x1B) + "[31mh", "a@\\u001B[31mh"),
                Arguments.of("zero-width joiner", "a@h" + ch(0x200D) + "b", "a@h\\u200Db"),
                Arguments.of("line separator U+2028", "a@h" + ch(0x2028) + "b", "a@h\\u2028b"),
                Arguments.of("no-break space", "a@h" + ch(0xA0) + "b", "a@h\\u00A0b"),
                Arguments.of("backslash and quote", "a@h\\\"", "a@h\\\\\\\""),
                Arguments.of("printable non-ASCII", "a@h" + ch(0xE9) + ".x", "a@h" + ch(0xE9) + ".x"));
    }

    private static String ch(int cp) {
        return new String(Character.toChars(cp));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void nonPrintingCharactersBecomeVisibleEscapes(String what, String raw, String shown) {
        assertThat(Printable.text(raw)).as(what).isEqualTo(shown);
    }

    @Test
    void supplementaryPrivateUseIsEscapedAndEmojiKept() {
        assertThat(Printable.text("a\uDB80\uDC00b\uD83D\uDE00")).isEqualTo("a\\U000F0000b\uD83D\uDE00");
        assertThat(Printable.text("lone\uD800")).isEqualTo("lone\\uD800");
    }

    @Test
    void controlsKeepsBackslashesAndQuotesOfTheNodesOwnText() {
        assertThat(Printable.controls("NAME-1: \"a\\u202E\"\u0085")).isEqualTo("NAME-1: \"a\\u202E\"\\u0085");
    }

    @Test
    void aLongNameIsCutToTheStatedLengthWithItsOriginalLength() {
        String name = "a".repeat(4000) + "@h";
        String shown = Printable.name(name);
        assertThat(shown).isEqualTo("a".repeat(Printable.NAME_MAX) + "...(4002 chars)");
        assertThat(Printable.name("a@h")).isEqualTo("a@h");
        assertThat(Printable.quoted("x\u202E")).isEqualTo("\"x\\u202E\"");
    }
}
