package dev.snow.ref.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * stdout of the adapter: one compact JSON object per line, flushed at once. Replies (command
 * thread) and events (the node's core thread) interleave line by line, never inside a line.
 */
final class JsonLines {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PrintStream out;

    JsonLines(PrintStream out) {
        this.out = out;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    synchronized void write(JsonNode line) {
        try {
            out.print(MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.print('\n');
        out.flush();
    }
}
