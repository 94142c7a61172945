package io.artifactpipeline.http.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Real keys and a JWT signer written independently of the production code: ES256 is signed with the
 * JDK's DER ECDSA and converted to JOSE's raw R||S here, by hand, so a mistake in either side shows.
 */
public final class TestKeys {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Alg { RS256, ES256 }

    /** A signing key with its kid. */
    public record SigningKey(String kid, Alg alg, KeyPair pair) {
        public ObjectNode publicJwk() {
            ObjectNode jwk = MAPPER.createObjectNode().put("kid", kid).put("use", "sig").put("alg", alg.name());
            if (alg == Alg.RS256) {
                RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
                jwk.put("kty", "RSA").put("n", b64(unsigned(rsa.getModulus()))).put("e", b64(unsigned(rsa.getPublicExponent())));
            } else {
                ECPublicKey ec = (ECPublicKey) pair.getPublic();
                jwk.put("kty", "EC").put("crv", "P-256")
                        .put("x", b64(fixed(ec.getW().getAffineX(), 32))).put("y", b64(fixed(ec.getW().getAffineY(), 32)));
            }
            return jwk;
        }
    }

    private TestKeys() {
    }

    public static SigningKey rsa(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(kid, Alg.RS256, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SigningKey ec(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new SigningKey(kid, Alg.ES256, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwks(List<SigningKey> keys) {
        ObjectNode set = MAPPER.createObjectNode();
        ArrayNode array = set.putArray("keys");
        keys.forEach(k -> array.add(k.publicJwk()));
        return set.toString();
    }

    /** Replaces the file atomically, as a deployment rotating keys would. */
    public static void writeJwks(Path file, List<SigningKey> keys) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "jwks", ".tmp");
        Files.writeString(temporary, jwks(keys), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static String sign(SigningKey key, ObjectNode header, ObjectNode claims) {
        String input = b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance(key.alg() == Alg.RS256 ? "SHA256withRSA" : "SHA256withECDSA");
            signer.initSign(key.pair().getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            byte[] signature = signer.sign();
            return input + "." + b64(key.alg() == Alg.ES256 ? derToJose(signature) : signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode header(SigningKey key) {
        return MAPPER.createObjectNode().put("alg", key.alg().name()).put("typ", "JWT").put("kid", key.kid());
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s } to the 64-byte r||s of RFC 7518 section 3.4. */
    static byte[] derToJose(byte[] der) {
        int offset = 2;
        if ((der[1] & 0x80) != 0) {
            offset += der[1] & 0x7f;
        }
        int rLength = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength);
        offset += 2 + rLength;
        int sLength = der[offset + 1];
        byte[] s = Arrays.copyOfRange(der, offset + 2, offset + 2 + sLength);
        byte[] jose = new byte[64];
        byte[] rFixed = fixed(new BigInteger(1, r), 32);
        byte[] sFixed = fixed(new BigInteger(1, s), 32);
        System.arraycopy(rFixed, 0, jose, 0, 32);
        System.arraycopy(sFixed, 0, jose, 32, 32);
        return jose;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        return raw[0] == 0 && raw.length > 1 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] raw = unsigned(value);
        byte[] out = new byte[length];
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return out;
    }
}
