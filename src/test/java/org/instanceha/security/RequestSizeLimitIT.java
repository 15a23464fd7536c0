package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Bodies over {@code instanceha.http.max-request-size} (1 MiB by default) get 413 with a fault body on
 * every route, before they are read: the tests declare a huge body, send a few bytes of it, and expect
 * the answer at once (the socket would time out if the server waited for the rest).
 */
class RequestSizeLimitIT extends ApiIntegrationTest {

    private static final String KEYSTONE_LOGIN = """
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
             "domain": {"name": "Default"}, "password": "secret"}}},
             "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}""";

    /** Sends a request head and {@code body}, then reads the answer (head and body); the server has 5 s. */
    private String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed before taking all of it: what we want
            }
            return readAnswer(socket.getInputStream());
        }
    }

    /** The status line, the headers and a body of the declared Content-Length, without waiting for the close. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String head(String method, String path, String... headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n";
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        String answer = exchange(head("POST", "/v1/segments", "Content-Length: 31457280"), new byte[1024]);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"overLimit\":{\"code\":413,\"message\":\"The request body is larger than the "
                + "limit of 1048576 bytes.\"}");
    }

    @Test
    void theSimulatedKeystoneIsLimitedToo() throws IOException {
        String answer = exchange(head("POST", "/simulator/identity/v3/auth/tokens", "Content-Length: 314572800"),
                new byte[4096]);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("overLimit");
    }

    @Test
    void aChunkedBodyIsRefusedOnceMoreThanTheLimitHasArrived() throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = "x".repeat(65536).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 24; i++) {
            chunks.write(("10000\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        String answer = exchange(head("POST", "/v1/segments", "Transfer-Encoding: chunked"), chunks.toByteArray());

        assertThat(answer).startsWith("HTTP/1.1 413").contains("overLimit");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsServedAsUsual() throws IOException {
        byte[] json = KEYSTONE_LOGIN.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.write((Integer.toHexString(json.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.write(json);
        chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String answer = exchange(head("POST", "/simulator/identity/v3/auth/tokens", "Transfer-Encoding: chunked",
                "Connection: close"), chunked.toByteArray());

        assertThat(answer).startsWith("HTTP/1.1 201").containsIgnoringCase("X-Subject-Token");
    }
}
