package io.artifactpipeline.http.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

/**
 * The ES256 key pair of development auth: created once in the data directory and reused on every
 * restart, so tokens minted with {@code token --user ...} stay valid. The private key is a JWK in
 * {@value #PRIVATE_KEY_FILE} (owner-only where the file system allows); the public set is written
 * beside it as {@value #JWKS_FILE} for tools that want to verify tokens too.
 */
public final class DevelopmentKeys {
    public static final String PRIVATE_KEY_FILE = "dev-signing-key.jwk.json";
    public static final String JWKS_FILE = "dev-jwks.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path directory;

    private DevelopmentKeys(String keyId, PrivateKey privateKey, PublicKey publicKey, Path directory) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.directory = directory;
    }

    /** Loads the key pair from {@code dataDirectory}, creating it (and the directory) the first time. */
    public static DevelopmentKeys loadOrCreate(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Path privateFile = dataDirectory.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateFile)) {
                create(privateFile);
            }
            DevelopmentKeys keys = load(privateFile, dataDirectory);
            Files.writeString(dataDirectory.resolve(JWKS_FILE), keys.jwksJson(), StandardCharsets.UTF_8);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep development keys in " + dataDirectory, e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.ES256;
    }

    /** The directory the keys live in. */
    public Path directory() {
        return directory;
    }

    /** The public JSON Web Key Set that verifies tokens signed with these keys. */
    public String jwksJson() {
        ObjectNode set = MAPPER.createObjectNode();
        set.putArray("keys").add(JwkSet.publicJwk(publicKey, keyId));
        return set.toPrettyString();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    private static void create(Path privateFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot create P-256 keys", e);
        }
        ObjectNode jwk = JwkSet.publicJwk(pair.getPublic(), thumbprint(pair.getPublic()));
        jwk.put("d", JwkSet.base64Url(JwkSet.unsigned(((ECPrivateKey) pair.getPrivate()).getS(), 32)));
        Path temporary = ownerOnlyTempFile(privateFile.getParent());
        Files.writeString(temporary, jwk.toPrettyString(), StandardCharsets.UTF_8);
        try {
            // Two servers starting on one fresh data directory: the first key wins, the other is dropped.
            Files.move(temporary, privateFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(privateFile)) {
                Files.move(temporary, privateFile);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path ownerOnlyTempFile(Path directory) throws IOException {
        try {
            return Files.createTempFile(directory, ".dev-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(directory, ".dev-key", ".tmp");
        }
    }

    private static DevelopmentKeys load(Path privateFile, Path directory) throws IOException {
        JsonNode jwk = MAPPER.readTree(Files.readString(privateFile, StandardCharsets.UTF_8));
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(
                    new ECPoint(number(jwk, "x"), number(jwk, "y")), JwkSet.p256()));
            PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(number(jwk, "d"), JwkSet.p256()));
            return new DevelopmentKeys(thumbprint(publicKey), privateKey, publicKey, directory);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("the development key in " + privateFile + " is unreadable; delete it to get a new one", e);
        }
    }

    private static BigInteger number(JsonNode jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asText()));
    }

    /** RFC 7638 JWK thumbprint: a kid that is a pure function of the public key. */
    private static String thumbprint(PublicKey key) {
        JsonNode jwk = JwkSet.publicJwk(key, null);
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + jwk.get("x").asText()
                + "\",\"y\":\"" + jwk.get("y").asText() + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return JwkSet.base64Url(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
