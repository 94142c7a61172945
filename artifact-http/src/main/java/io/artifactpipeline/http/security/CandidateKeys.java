package io.artifactpipeline.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys one token's signature was checked against, collected while nimbus verifies it (this is the
 * {@link SecurityContext} of that one verification). A verified token is remembered with them, so that it
 * is forgotten as soon as one of them leaves the key set.
 */
final class CandidateKeys implements SecurityContext {
    private final Set<String> fingerprints = new HashSet<>();

    Set<String> fingerprints() {
        return Set.copyOf(fingerprints);
    }

    /** Fingerprints of every public key in {@code set}, comparable with {@link #fingerprints()}. */
    static Set<String> of(JWKSet set) {
        Set<String> all = new HashSet<>();
        for (var jwk : set.getKeys()) {
            if (jwk instanceof AsymmetricJWK asymmetric) {
                try {
                    all.add(fingerprint(asymmetric.toPublicKey()));
                } catch (JOSEException unusable) {
                    // not a key any token can be verified with
                }
            }
        }
        return all;
    }

    /**
     * Wraps a key selector so that it records what it selects into the {@link CandidateKeys} context, and
     * says "unknown key" by its own exception type instead of by an empty list nimbus words generically.
     */
    static JWSKeySelector<SecurityContext> recording(JWSKeySelector<SecurityContext> selector) {
        return (header, context) -> {
            List<? extends Key> keys = selector.selectJWSKeys(header, context);
            if (keys.isEmpty()) {
                throw new UnknownKeyException(header);
            }
            if (context instanceof CandidateKeys candidates) {
                keys.forEach(key -> candidates.fingerprints.add(fingerprint(key)));
            }
            return keys;
        };
    }

    private static String fingerprint(Key key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    /** No trusted key fits the token's kid and algorithm. */
    static final class UnknownKeyException extends KeySourceException {
        UnknownKeyException(JWSHeader header) {
            super("no trusted key for kid " + header.getKeyID() + " and " + header.getAlgorithm());
        }
    }
}
