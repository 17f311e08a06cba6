package fr.ordre.comptexpert.it.support;

import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A phone on another network than the browser: its requests reach the test server from 127.0.0.2 instead of
 * 127.0.0.1 (the whole 127/8 is the loopback on Linux), so Keycloak reads another client address without any
 * forwarded header to trust, with the same {@code Host} (so the issuer the server states does not change). Java's
 * HttpClient cannot choose its local address before Java 19, hence this HTTP/1.1 over a bound socket, one request
 * per connection.
 */
public final class OtherNetwork {

    /** The source address of the requests; the browser's come from 127.0.0.1. */
    public static final String ADDRESS = "127.0.0.2";

    private OtherNetwork() {}

    public static ExpertpassCompanion.Result get(String url) {
        return send("GET", url, null);
    }

    public static ExpertpassCompanion.Result post(String url, String json) {
        return send("POST", url, json);
    }

    private static ExpertpassCompanion.Result send(String method, String url, String json) {
        URI uri = URI.create(url);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Accept: application/json\r\nAccept-Language: en\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), uri.getPort()), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " from " + ADDRESS + ": " + e.getMessage(), e);
        }
    }

    private static ExpertpassCompanion.Result parse(byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        boolean chunked = false;
        for (String line : lines) {
            chunked |= line.toLowerCase(java.util.Locale.ROOT).matches("transfer-encoding:\\s*chunked\\s*");
        }
        byte[] rest = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        String body =
                new String(chunked ? unchunk(new java.io.ByteArrayInputStream(rest)) : rest, StandardCharsets.UTF_8);
        return new ExpertpassCompanion.Result(status, body.isBlank() ? null : HttpExpertpass.json(body));
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
