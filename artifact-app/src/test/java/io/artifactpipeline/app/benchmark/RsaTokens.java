package io.artifactpipeline.app.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * For the read benchmark: makes an RSA key, writes its JWK set, and prints an RS256 token for a user,
 * as an identity provider such as Clerk would. {@code RsaTokens <dir> <user> <ttl-seconds>}.
 */
public final class RsaTokens {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private RsaTokens() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String user = args[1];
        long ttl = Long.parseLong(args[2]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        String kid = "bench-rsa";
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("jwks.json"), """
                {"keys":[{"kty":"RSA","kid":"%s","alg":"RS256","use":"sig","n":"%s","e":"%s"}]}"""
                .formatted(kid, unsigned(key.getModulus().toByteArray()), unsigned(key.getPublicExponent().toByteArray())));
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        String payload = encode("{\"sub\":\"" + user + "\",\"tier\":\"partner\",\"iat\":" + now + ",\"nbf\":" + now
                + ",\"exp\":" + (now + ttl) + "}");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        System.out.println(header + "." + payload + "." + URL.encodeToString(signer.sign()));
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
    private static String unsigned(byte[] bytes) {
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return URL.encodeToString(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }
}
