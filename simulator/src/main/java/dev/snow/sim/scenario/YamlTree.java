package dev.snow.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads one YAML document into {@link YamlNode}s that remember their lines (Jackson's YAML parser). */
public final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /** @param file the name errors will show */
    public static YamlNode parse(String file, Reader source) {
        try (JsonParser p = FACTORY.createParser(source)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw ScenarioException.at(file, 1, null, "the file is empty; a scenario is a YAML map (see docs/SCENARIOS.md)");
            }
            YamlNode root = read(p, file, "");
            if (p.nextToken() != null) {
                throw ScenarioException.at(file, line(p), null, "more than one YAML document; a scenario file holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ScenarioException.at(file, problemLine(e), null, "YAML syntax: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ScenarioException.at(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The line of the problem: SnakeYAML's message names it last ("line N, column M"); Jackson's
     * location is the context's, often the line before (a tab on line 3 was reported on line 2).
     */
    static int problemLine(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher marks = java.util.regex.Pattern.compile("line (\\d+), column \\d+").matcher(m);
        int line = -1;
        while (marks.find()) {
            line = Integer.parseInt(marks.group(1));
        }
        JsonLocation loc = e.getLocation();
        return line > 0 ? line : loc == null ? 0 : loc.getLineNr();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static YamlNode read(JsonParser p, String file, String path) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (map.containsKey(key)) {
                        throw ScenarioException.at(file, keyLine, childPath, "field given twice (first on line "
                                + map.get(key).line() + ")");
                    }
                    p.nextToken();
                    map.put(key, read(p, file, childPath));
                }
                return YamlNode.map(file, line, path, map);
            }
            case START_ARRAY: {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, file, path + "[" + list.size() + "]"));
                }
                return YamlNode.list(file, line, path, list);
            }
            case VALUE_NULL:
                return YamlNode.nothing(file, line, path);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return YamlNode.scalar(file, line, path, p.getText(), true);
            case VALUE_STRING:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return YamlNode.scalar(file, line, path, p.getText(), false);
            default:
                throw ScenarioException.at(file, line, path, "unsupported YAML element " + t);
        }
    }
}
