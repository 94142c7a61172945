package io.artifactpipeline.http.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One read of the JSON Web Key Set, from a file or a URL: the bottom of the {@code JWKSourceBuilder}
 * chain. Keeps only keys usable for RS256 (RSA, at least 2048 bits) or ES256 (P-256), skipping odd or
 * malformed entries so that one of them does not lock everybody out; a read that leaves no usable key
 * fails instead, so that the caches above keep the good set they have.
 */
final class JwksDocument implements JWKSetSource<SecurityContext> {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** The whole fetch, however slowly the bytes trickle in: the read timeout alone only bounds each gap. */
    static final Duration FETCH_DEADLINE = Duration.ofSeconds(5);
    static final int MAX_BYTES = 256 * 1024;
    private static final int MIN_RSA_BITS = 2048;
    private static final System.Logger LOG = System.getLogger(JwksDocument.class.getName());

    private final String location;
    private final Reader reader;

    @FunctionalInterface
    private interface Reader {
        String read() throws IOException;
    }

    private JwksDocument(String location, Reader reader) {
        this.location = location;
        this.reader = reader;
    }

    static JwksDocument at(String location) {
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URL url = toUrl(location);
            DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                    (int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis(), MAX_BYTES);
            return new JwksDocument(location, () -> withDeadline(() -> retriever.retrieveResource(url).getContent()));
        }
        Path file = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return new JwksDocument(location, () -> {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        });
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws JWKSetUnavailableException {
        try {
            List<JWK> usable = usableKeys(reader.read());
            if (usable.isEmpty()) {
                throw new IOException("it holds no RS256 or ES256 signing key");
            }
            return new JWKSet(usable);
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not use the JWKS at " + location + "; keeping the keys read before: "
                    + e.getMessage());
            throw new JWKSetUnavailableException("the JWKS could not be used: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // nothing held between reads
    }

    static List<JWK> usableKeys(String json) throws ParseException {
        List<Object> entries = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(json), "keys");
        if (entries == null) {
            throw new ParseException("not a JSON Web Key Set: no \"keys\" array", 0);
        }
        List<JWK> usable = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                try {
                    @SuppressWarnings("unchecked")
                    JWK jwk = JWK.parse((Map<String, Object>) map).toPublicJWK();
                    if (isUsable(jwk)) {
                        usable.add(jwk);
                    }
                } catch (ParseException | RuntimeException malformed) {
                    // skipped, as the class comment says
                }
            }
        }
        return usable;
    }

    private static boolean isUsable(JWK jwk) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return false;
        }
        return switch (jwk) {
            case RSAKey rsa -> rsa.size() >= MIN_RSA_BITS && allows(rsa, JWSAlgorithm.RS256);
            case ECKey ec -> Curve.P_256.equals(ec.getCurve()) && allows(ec, JWSAlgorithm.ES256);
            default -> false;
        };
    }

    // A key that names its algorithm may only be used with that one.
    private static boolean allows(JWK jwk, JWSAlgorithm algorithm) {
        return jwk.getAlgorithm() == null || Objects.equals(jwk.getAlgorithm().getName(), algorithm.getName());
    }

    private static String withDeadline(Reader fetch) throws IOException {
        FutureTask<String> task = new FutureTask<>(fetch::read);
        Thread.ofVirtual().name("jwks-fetch").start(task);
        try {
            return task.get(FETCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true); // interrupting a virtual thread closes the socket it is blocked on
            throw new IOException("no complete answer within " + FETCH_DEADLINE.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the JWKS", e);
        }
    }

    private static URL toUrl(String location) {
        try {
            return URI.create(location).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new IllegalArgumentException("ARTIFACT_AUTH_JWKS is not a valid URL: " + location, e);
        }
    }
}
