package dev.snow.reports;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A static file server on 127.0.0.1 (Allure's pages load their data with fetch, which file:// refuses). */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "application/javascript",
            "css", "text/css", "json", "application/json", "txt", "text/plain; charset=utf-8", "md", "text/plain; charset=utf-8",
            "svg", "image/svg+xml", "ico", "image/x-icon");
    private final HttpServer server;

    StaticServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/", ex -> {
            String p = ex.getRequestURI().getPath();
            Path f = base.resolve(p.equals("/") ? "index.html" : p.substring(1)).normalize();
            try (ex; OutputStream out = ex.getResponseBody()) {
                if (!f.startsWith(base) || !Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String name = f.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1);
                ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
                byte[] body = Files.readAllBytes(f);
                ex.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
