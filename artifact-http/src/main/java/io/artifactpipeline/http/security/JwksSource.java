package io.artifactpipeline.http.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where a JSON Web Key Set is read from: a file, or an http(s) URL such as a Clerk instance's. */
@FunctionalInterface
interface JwksSource {
    int MAX_BYTES = 1 << 20;
    Duration TIMEOUT = Duration.ofSeconds(5);

    String read() throws IOException;

    static JwksSource of(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return fromUrl(URI.create(location));
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return () -> Files.readString(file, StandardCharsets.UTF_8);
    }

    private static JwksSource fromUrl(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("JWKS at " + uri + " answered " + response.statusCode());
                    }
                    byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        throw new IOException("JWKS at " + uri + " is larger than " + MAX_BYTES + " bytes");
                    }
                    return new String(bytes, StandardCharsets.UTF_8);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the JWKS", e);
            }
        };
    }
}
