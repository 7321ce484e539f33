package dev.snow.conformance.cli;

import dev.snow.conformance.harness.TestKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the surefire flavour CI tools read), one file per implementation and test class:
 * {@code TEST-<implementation>.<class>.xml}, suite {@code <implementation>.<class>}, one
 * {@code testcase} per test or dynamic case named by its method (and case id), never by a Java
 * signature. fail and XPASS are failures; xfail, warning, unsupported and skipped are skipped
 * with the verdict in the message; the requirement IDs and the artifact folder are properties.
 */
final class JunitXmlWriter {
    private JunitXmlWriter() {
    }

    static void write(ImplementationResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<TestRecord>> byClass = new LinkedHashMap<>();
        for (TestRecord t : r.tests()) {
            String cls = t.key().contains("#") ? t.key().substring(0, t.key().indexOf('#')) : "unknown";
            byClass.computeIfAbsent(cls, k -> new java.util.ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<TestRecord>> e : byClass.entrySet()) {
            String suite = r.implementation().name() + "." + e.getKey();
            try (OutputStream out = Files.newOutputStream(dir.resolve("TEST-" + suite + ".xml"))) {
                writeSuite(out, suite, e.getValue(), r.output());
            } catch (XMLStreamException x) {
                throw new IOException("cannot write JUnit XML for " + suite + ": " + x.getMessage(), x);
            }
        }
    }

    private static void writeSuite(OutputStream out, String suite, List<TestRecord> tests, Path artifacts) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        long failures = tests.stream().filter(t -> t.verdict().breaksRun).count();
        long skipped = tests.stream().filter(t -> !t.verdict().breaksRun && t.verdict() != Verdict.PASS
                && t.verdict() != Verdict.INFORMATIONAL).count();
        double time = tests.stream().mapToLong(TestRecord::millis).sum() / 1000.0;
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", suite);
        w.writeAttribute("tests", String.valueOf(tests.size()));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", String.valueOf(skipped));
        w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", time));
        w.writeCharacters("\n");
        for (TestRecord t : tests) {
            String method = t.key().contains("#") ? t.key().substring(t.key().indexOf('#') + 1) : t.key();
            w.writeStartElement("testcase");
            w.writeAttribute("name", clean(method));
            w.writeAttribute("classname", clean(suite));
            w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", t.millis() / 1000.0));
            w.writeStartElement("properties");
            property(w, "requirements", String.join(",", t.requirements()));
            property(w, "verdict", t.verdict().label);
            property(w, "artifacts", artifacts.resolve("tests").resolve(TestKey.fileName(t.key())).toString());
            w.writeEndElement();
            String message = clean(t.message() == null ? "" : t.message());
            if (t.verdict().breaksRun) {
                w.writeStartElement("failure");
                w.writeAttribute("message", abbreviate(message));
                w.writeAttribute("type", t.verdict().label);
                w.writeCharacters(message);
                w.writeEndElement();
            } else if (t.verdict() != Verdict.PASS && t.verdict() != Verdict.INFORMATIONAL) {
                w.writeStartElement("skipped");
                w.writeAttribute("message", abbreviate(t.verdict().label + ": " + message));
                w.writeEndElement();
            }
            if (!t.notes().isEmpty() || t.verdict() == Verdict.INFORMATIONAL) {
                w.writeStartElement("system-out");
                StringBuilder sb = new StringBuilder();
                if (t.verdict() == Verdict.INFORMATIONAL) {
                    sb.append("informational: ").append(message).append('\n');
                }
                t.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
                w.writeCharacters(clean(sb.toString()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.close();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", clean(value));
    }

    /** Drops characters XML 1.0 cannot carry (control bytes a broken IUT may have sent). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 && c <= 0x10FFFF;
            sb.appendCodePoint(ok ? c : '?');
        });
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000) + "...";
    }
}
