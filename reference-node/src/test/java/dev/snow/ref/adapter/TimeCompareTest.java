package dev.snow.ref.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.ref.mutants.Mutants;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code time_compare} (docs/ADAPTER.md): one list of {@code rounds} durations per candidate,
 * in candidate order, from the comparison the node really uses; with the reference-only
 * {@code leaky-compare} fault the planted leak (100 ns per matching byte) shows up.
 */
class TimeCompareTest {
    private static final String EXPECTED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String FIRST_BYTE_DIFFERS = "ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private static JsonNode timeCompare(AdapterDriver a, int rounds) throws Exception {
        return a.command(2, "{\"id\":2,\"cmd\":\"time_compare\",\"expected\":\"" + EXPECTED + "\",\"candidates\":[\""
                + EXPECTED + "\",\"" + FIRST_BYTE_DIFFERS + "\"],\"rounds\":" + rounds + "}");
    }

    private static void start(AdapterDriver a) throws Exception {
        a.next();
        a.command(1, "{\"id\":1,\"cmd\":\"start\",\"name\":\"a@127.0.0.1\",\"cookie\":\"c\",\"port\":0}");
    }

    @Test
    void it_answers_one_list_of_durations_per_candidate() throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            start(a);

            JsonNode r = timeCompare(a, 500);

            assertThat(r.path("ok").asBoolean()).isTrue();
            assertThat(r.path("reply").asText()).isEqualTo("time_compare");
            assertThat(r.path("nanos")).hasSize(2);
            for (JsonNode list : r.path("nanos")) {
                assertThat(list).hasSize(500);
                assertThat(list).allSatisfy(n -> assertThat(n.asLong()).isNotNegative());
            }
        }
    }

    @Test
    void bad_digests_and_bad_rounds_are_bad_requests() throws Exception {
        try (AdapterDriver a = new AdapterDriver()) {
            start(a);
            String[] lines = {
                "{\"id\":3,\"cmd\":\"time_compare\",\"expected\":\"abc\",\"candidates\":[],\"rounds\":1}",
                "{\"id\":3,\"cmd\":\"time_compare\",\"expected\":\"" + EXPECTED + "\",\"candidates\":[],\"rounds\":1}",
                "{\"id\":3,\"cmd\":\"time_compare\",\"expected\":\"" + EXPECTED + "\",\"candidates\":[\"zz" + EXPECTED.substring(2)
                        + "\"],\"rounds\":1}",
                "{\"id\":3,\"cmd\":\"time_compare\",\"expected\":\"" + EXPECTED + "\",\"candidates\":[\"" + EXPECTED + "\"],\"rounds\":0}",
                "{\"id\":3,\"cmd\":\"time_compare\",\"expected\":\"" + EXPECTED + "\",\"candidates\":\"x\",\"rounds\":1}",
                "{\"id\":3,\"cmd\":\"time_compare\",\"expected\":\"" + EXPECTED + "\",\"candidates\":[\"" + EXPECTED
                        + "\"],\"rounds\":99999999}"};
            for (String line : lines) {
                assertThat(a.command(3, line).path("code").asText()).as(line).isEqualTo("bad_request");
            }
        }
    }

    @Test
    void the_leaky_compare_mutant_leaks_time_per_matching_byte() throws Exception {
        try (AdapterDriver a = new AdapterDriver(mutant("leaky-compare"))) {
            assertThat(a.next().path("implementation").asText()).contains("leaky-compare");
            a.command(1, "{\"id\":1,\"cmd\":\"start\",\"name\":\"a@127.0.0.1\",\"cookie\":\"c\",\"port\":0}");

            JsonNode r = timeCompare(a, 2000);

            long fullMatch = median(r.path("nanos").get(0));
            long earlyMismatch = median(r.path("nanos").get(1));
            // 32 matching bytes cost 3.2 us more than none; a third of that is far above noise
            assertThat(fullMatch - earlyMismatch).isGreaterThan(1000);
        }
    }

    @Test
    void the_leaky_compare_no_hook_mutant_offers_no_time_compare() throws Exception {
        try (AdapterDriver a = new AdapterDriver(mutant("leaky-compare-no-hook"))) {
            assertThat(a.next().path("implementation").asText()).contains("leaky-compare-no-hook");
            a.command(1, "{\"id\":1,\"cmd\":\"start\",\"name\":\"a@127.0.0.1\",\"cookie\":\"c\",\"port\":0}");

            JsonNode r = timeCompare(a, 10);

            assertThat(r.path("code").asText()).isEqualTo("unsupported");
        }
    }

    private static AdapterVariant mutant(String name) {
        return Mutants.find(name).factory().get().variant(name);
    }

    private static long median(JsonNode list) {
        long[] v = new long[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = list.get(i).asLong();
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
