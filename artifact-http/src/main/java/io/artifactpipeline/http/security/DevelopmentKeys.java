package io.artifactpipeline.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The ES256 key pair of development auth: created once in the data directory and reused on every
 * restart, so tokens minted with {@code token --user ...} stay valid. The private key is a JWK in
 * {@value #PRIVATE_KEY_FILE} (owner-only where the file system allows); the public set is written
 * beside it as {@value #JWKS_FILE} for tools that want to verify tokens too.
 */
public final class DevelopmentKeys {
    public static final String PRIVATE_KEY_FILE = "dev-signing-key.jwk.json";
    public static final String JWKS_FILE = "dev-jwks.json";

    private final ECKey key;
    private final Path directory;

    private DevelopmentKeys(ECKey key, Path directory) {
        this.key = key;
        this.directory = directory;
    }

    /**
     * Loads the key pair from {@code dataDirectory}, creating it (and the directory) the first time. Servers
     * starting at once on one fresh directory all end with the same key: the file appears only complete,
     * and only once.
     */
    public static DevelopmentKeys loadOrCreate(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Path privateFile = dataDirectory.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateFile)) {
                createExclusively(privateFile);
            }
            DevelopmentKeys keys = new DevelopmentKeys(load(privateFile), dataDirectory);
            writeAtomically(dataDirectory.resolve(JWKS_FILE), keys.jwksJson());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep development keys in " + dataDirectory, e);
        }
    }

    /** The key's RFC 7638 thumbprint: a pure function of the public key. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The directory the keys live in. */
    public Path directory() {
        return directory;
    }

    /** The public JSON Web Key Set that verifies tokens signed with these keys. */
    public String jwksJson() {
        return publicSet().toString(true);
    }

    JWKSet publicSet() {
        return new JWKSet(key.toPublicJWK());
    }

    ECKey signingKey() {
        return key;
    }

    private static void createExclusively(Path privateFile) throws IOException {
        ECKey generated;
        try {
            generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("this JDK cannot create P-256 keys", e);
        }
        Path complete = ownerOnlyTempFile(privateFile.getParent(), generated.toJSONString());
        try {
            // A hard link appears atomically and fails if the name exists: the first complete key wins, the
            // others are dropped. (A rename would silently replace a key another server already loaded.)
            Files.createLink(privateFile, complete);
        } catch (FileAlreadyExistsException anotherServerWon) {
            // use theirs
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                Files.write(privateFile, Files.readAllBytes(complete), StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException anotherServerWon) {
                // use theirs
            }
        } finally {
            Files.deleteIfExists(complete);
        }
    }

    private static ECKey load(Path privateFile) throws IOException {
        try {
            ECKey stored = ECKey.parse(Files.readString(privateFile, StandardCharsets.UTF_8));
            if (!stored.isPrivate() || !Curve.P_256.equals(stored.getCurve())) {
                throw new IOException("not a private P-256 key");
            }
            return new ECKey.Builder(stored).keyIDFromThumbprint().build();
        } catch (ParseException | JOSEException | IOException e) {
            throw new IOException("the development key in " + privateFile + " is unreadable; delete it to get a new one", e);
        }
    }

    private static Path ownerOnlyTempFile(Path directory, String content) throws IOException {
        Path temporary;
        try {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            temporary = Files.createTempFile(directory, ".dev-key", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            temporary = Files.createTempFile(directory, ".dev-key", ".tmp");
        }
        return Files.writeString(temporary, content, StandardCharsets.UTF_8);
    }

    // Readers never see a half-written set: every server writes the same content, each in one rename.
    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".dev-jwks", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
