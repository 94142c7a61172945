package io.artifactpipeline.http.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The verification keys of a JSON Web Key Set (RFC 7517). Only keys usable for RS256 (RSA, at least
 * 2048 bits) or ES256 (EC on P-256) are kept; others, and malformed entries, are skipped so that one
 * odd key in a provider's set does not lock everybody out.
 */
final class JwkSet {
    static final JwkSet EMPTY = new JwkSet(List.of());
    private static final int MIN_RSA_BITS = 2048;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One usable key; {@code kid} may be null when the set does not name its keys. */
    record Key(String kid, JwsAlgorithm algorithm, PublicKey publicKey) {
    }

    private final List<Key> keys;

    private JwkSet(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    static JwkSet parse(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        JsonNode entries = root == null ? null : root.get("keys");
        if (entries == null || !entries.isArray()) {
            throw new IOException("not a JSON Web Key Set: no \"keys\" array");
        }
        List<Key> keys = new ArrayList<>();
        for (JsonNode entry : entries) {
            toKey(entry).ifPresent(keys::add);
        }
        return new JwkSet(keys);
    }

    int size() {
        return keys.size();
    }

    /**
     * The key a token names by {@code kid} for its algorithm. A token without a kid is accepted only when
     * exactly one key fits the algorithm, since anything else would be guessing.
     */
    Optional<Key> find(String kid, JwsAlgorithm algorithm) {
        List<Key> fitting = keys.stream().filter(k -> k.algorithm() == algorithm).toList();
        if (kid == null) {
            return fitting.size() == 1 ? Optional.of(fitting.getFirst()) : Optional.empty();
        }
        return fitting.stream().filter(k -> kid.equals(k.kid())).findFirst();
    }

    /** The public JWK of a key (no private parts), with its kid, {@code use: sig} and algorithm. */
    static ObjectNode publicJwk(PublicKey key, String kid) {
        ObjectNode jwk = MAPPER.createObjectNode();
        switch (key) {
            case ECPublicKey ec -> {
                jwk.put("kty", "EC").put("crv", "P-256")
                        .put("x", base64Url(unsigned(ec.getW().getAffineX(), 32)))
                        .put("y", base64Url(unsigned(ec.getW().getAffineY(), 32)))
                        .put("alg", JwsAlgorithm.ES256.name());
            }
            case RSAPublicKey rsa -> {
                jwk.put("kty", "RSA")
                        .put("n", base64Url(unsigned(rsa.getModulus(), (rsa.getModulus().bitLength() + 7) / 8)))
                        .put("e", base64Url(unsigned(rsa.getPublicExponent(), (rsa.getPublicExponent().bitLength() + 7) / 8)))
                        .put("alg", JwsAlgorithm.RS256.name());
            }
            default -> throw new IllegalArgumentException("only EC P-256 and RSA keys are supported");
        }
        jwk.put("use", "sig");
        if (kid != null) {
            jwk.put("kid", kid);
        }
        return jwk;
    }

    static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks the P-256 curve", e);
        }
    }

    /** Big-endian, unsigned, left-padded to {@code length} bytes, as JWK coordinates are written. */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        byte[] out = new byte[length];
        if (raw.length > length) { // a leading sign byte
            System.arraycopy(raw, raw.length - length, out, 0, length);
        } else {
            System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        }
        return out;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<Key> toKey(JsonNode jwk) {
        String use = text(jwk, "use");
        if (use != null && !"sig".equals(use)) {
            return Optional.empty();
        }
        String kid = text(jwk, "kid");
        String declaredAlg = text(jwk, "alg");
        try {
            Optional<Key> key = switch (String.valueOf(text(jwk, "kty"))) {
                case "RSA" -> rsa(jwk, kid);
                case "EC" -> ec(jwk, kid);
                default -> Optional.empty();
            };
            // A key that names its algorithm may only be used with that one.
            return key.filter(k -> declaredAlg == null || declaredAlg.equals(k.algorithm().name()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Key> rsa(JsonNode jwk, String kid) throws GeneralSecurityException {
        BigInteger n = number(jwk, "n");
        BigInteger e = number(jwk, "e");
        if (n == null || e == null || n.bitLength() < MIN_RSA_BITS) {
            return Optional.empty();
        }
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        return Optional.of(new Key(kid, JwsAlgorithm.RS256, key));
    }

    private static Optional<Key> ec(JsonNode jwk, String kid) throws GeneralSecurityException {
        BigInteger x = number(jwk, "x");
        BigInteger y = number(jwk, "y");
        if (!"P-256".equals(text(jwk, "crv")) || x == null || y == null) {
            return Optional.empty();
        }
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256()));
        return Optional.of(new Key(kid, JwsAlgorithm.ES256, key));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static BigInteger number(JsonNode node, String field) {
        String encoded = text(node, field);
        return encoded == null ? null : new BigInteger(1, Base64.getUrlDecoder().decode(encoded));
    }
}
