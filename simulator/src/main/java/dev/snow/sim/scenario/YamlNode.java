package dev.snow.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on and its path from the document root (for example
 * {@code timeline[3].partition.between}), so every loading error can point at it. Maps keep
 * the order of the file.
 */
public final class YamlNode {
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final String file;
    private final int line;
    private final String path;
    private final Map<String, YamlNode> map;
    private final List<YamlNode> list;
    private final String text;
    private final boolean number;

    private YamlNode(Kind kind, String file, int line, String path, Map<String, YamlNode> map, List<YamlNode> list,
                     String text, boolean number) {
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.path = path;
        this.map = map;
        this.list = list;
        this.text = text;
        this.number = number;
    }

    static YamlNode map(String file, int line, String path, LinkedHashMap<String, YamlNode> map) {
        return new YamlNode(Kind.MAP, file, line, path, Collections.unmodifiableMap(map), null, null, false);
    }

    static YamlNode list(String file, int line, String path, List<YamlNode> list) {
        return new YamlNode(Kind.LIST, file, line, path, null, List.copyOf(list), null, false);
    }

    static YamlNode scalar(String file, int line, String path, String text, boolean number) {
        return new YamlNode(Kind.SCALAR, file, line, path, null, null, text, number);
    }

    static YamlNode nothing(String file, int line, String path) {
        return new YamlNode(Kind.NULL, file, line, path, null, null, null, false);
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String path() {
        return path;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** The entries of a map, in file order. */
    public Map<String, YamlNode> entries() {
        if (kind != Kind.MAP) {
            throw error("expected a map of fields, found " + describe());
        }
        return map;
    }

    public List<YamlNode> items() {
        if (kind != Kind.LIST) {
            throw error("expected a list, found " + describe());
        }
        return list;
    }

    /** The scalar's text. */
    public String text() {
        if (kind != Kind.SCALAR) {
            throw error("expected a single value, found " + describe());
        }
        return text;
    }

    /** True when the YAML value was a plain number (not quoted). */
    public boolean isNumber() {
        return number;
    }

    public String describe() {
        switch (kind) {
            case MAP:
                return "a map";
            case LIST:
                return "a list";
            case NULL:
                return "nothing";
            default:
                return "\"" + text + "\"";
        }
    }

    public ScenarioException error(String problem) {
        return ScenarioException.at(file, line, path, problem);
    }
}
