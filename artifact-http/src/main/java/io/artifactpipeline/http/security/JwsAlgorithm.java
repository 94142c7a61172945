package io.artifactpipeline.http.security;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;

/**
 * The only two signature algorithms a token may use. {@code none} and the HMAC family are absent on
 * purpose: a token naming them cannot be resolved to an algorithm and is refused.
 */
public enum JwsAlgorithm {
    RS256("SHA256withRSA", "RSA", -1),
    /*
     * JOSE carries ECDSA signatures as raw R||S (IEEE P1363), not DER. The JDK's "inP1363Format" variant
     * reads and writes exactly that, so no hand-written DER conversion is needed.
     */
    ES256("SHA256withECDSAinP1363Format", "EC", 64);

    private final String jdkName;
    private final String keyType;
    private final int signatureLength;

    JwsAlgorithm(String jdkName, String keyType, int signatureLength) {
        this.jdkName = jdkName;
        this.keyType = keyType;
        this.signatureLength = signatureLength;
    }

    /** The JWK {@code kty} of keys this algorithm works with. */
    public String keyType() {
        return keyType;
    }

    public static Optional<JwsAlgorithm> fromHeader(String alg) {
        return Arrays.stream(values()).filter(a -> a.name().equals(alg)).findFirst();
    }

    boolean verify(PublicKey key, byte[] signingInput, byte[] signature) {
        if (signatureLength > 0 && signature.length != signatureLength) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jdkName);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    byte[] sign(PrivateKey key, byte[] signingInput) {
        try {
            Signature signer = Signature.getInstance(jdkName);
            signer.initSign(key);
            signer.update(signingInput);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + name(), e);
        }
    }
}
