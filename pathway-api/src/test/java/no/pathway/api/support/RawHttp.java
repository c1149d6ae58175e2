package no.pathway.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte: for requests no well-behaved client would send (raw bytes in
 * headers, odd request targets, oversized headers). Each request is sent with {@code Connection: close} and the
 * answer read to the end. Its answers are checked against the published OpenAPI document too ({@link Contract}); its
 * requests, hostile on purpose, only when the service accepted them.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An answer: status, headers as sent (name and value) and the body as ISO-8859-1 text (byte for byte). */
    public record Answer(int status, List<String[]> headers, String body) {
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        /** Everything the client received after the status line, for "echoes nothing" checks. */
        public String everything() {
            StringBuilder all = new StringBuilder();
            headers.forEach(h -> all.append(h[0]).append(": ").append(h[1]).append('\n'));
            return all.append(body).toString();
        }
    }

    /**
     * Sends {@code method target} with the given header lines (each "Name: value", as raw ISO-8859-1 bytes) and
     * body. Content-Length and Connection are added.
     */
    public Answer send(String method, String target, List<String> headerLines, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (String line : headerLines) {
            write(request, line + "\r\n");
        }
        if (body.length > 0) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        write(request, "Connection: close\r\n\r\n");
        request.writeBytes(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            Answer answer = parse(readAll(socket.getInputStream()));
            Contract.check(new Contract.Exchange(method, target, headerMap(headerLines),
                    new String(body, StandardCharsets.UTF_8), answer.status(), headerMap(answer.headers()),
                    answer.body()));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer get(String target, List<String> headerLines) {
        return send("GET", target, headerLines, new byte[0]);
    }

    private static Map<String, List<String>> headerMap(List<?> headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Object header : headers) {
            String[] nameValue = header instanceof String[] pair ? pair : splitLine((String) header);
            map.computeIfAbsent(nameValue[0], n -> new ArrayList<>()).add(nameValue[1]);
        }
        return map;
    }

    private static String[] splitLine(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? new String[]{line, ""}
                : new String[]{line.substring(0, colon).trim(), line.substring(colon + 1).trim()};
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer was written still leaves the answer
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            headers.add(new String[]{name, value});
            chunked |= name.equalsIgnoreCase("Transfer-Encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked");
        }
        return new Answer(status, headers, chunked ? unchunk(body) : body);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
