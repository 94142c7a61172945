package io.artifactpipeline.http.security;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a compact JWS bearer token (RFC 7515/7519) with nimbus's {@link DefaultJWTProcessor} and says
 * whom it authenticates. Only RS256 and ES256 are accepted ({@code none} and HMAC never: the algorithm is
 * checked before anything else), signature first, claims after: nothing an unverified payload says is
 * trusted. Tokens that passed are remembered in {@link VerifiedTokens}.
 */
final class TokenVerifier {
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final TrustedKeys keys;
    private final Clock clock;
    private final ClaimRules rules;
    private final VerifiedTokens verified = new VerifiedTokens();
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenVerifier(TrustedKeys keys, Clock clock, AuthSettings settings) {
        this.keys = keys;
        this.clock = clock;
        this.rules = new ClaimRules(clock, settings);
        processor.setJWSKeySelector(CandidateKeys.recording(new JWSVerificationKeySelector<>(ACCEPTED, keys)));
        processor.setJWTClaimsSetVerifier(rules);
        // Any typ, as before: identity providers write JWT, at+jwt or nothing, and the signature decides.
        processor.setJWSTypeVerifier((type, context) -> { });
        keys.onRefresh(set -> verified.trustOnly(CandidateKeys.of(set)));
    }

    /**
     * The token as verified before, if it was and may still be trusted: its keys are still in the set
     * (read again first when due) and its {@code exp} has not passed. No signature check, no parsing.
     */
    Optional<VerifiedToken> recall(String token) {
        try {
            keys.current(); // reads the set again when due, which forgets tokens of keys that left it
        } catch (KeySourceException noKeys) {
            // then nothing verifies; the cache was emptied of whatever the lost keys verified
        }
        return verified.find(token, clock.instant());
    }

    VerifiedToken verify(String token) throws TokenRejectedException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException("the token is too long");
        }
        Optional<VerifiedToken> known = recall(token);
        if (known.isPresent()) {
            return known.get();
        }
        SignedJWT jwt = parse(token);
        CandidateKeys candidates = new CandidateKeys();
        JWTClaimsSet claims;
        try {
            Map<String, Object> payload = jwt.getPayload().toJSONObject();
            if (payload == null) {
                throw new TokenRejectedException("the token is malformed");
            }
            rules.requireWellTyped(payload);
            claims = processor.process(jwt, candidates);
        } catch (ClaimRules.Refused e) {
            throw new TokenRejectedException(e.getMessage());
        } catch (BadJWSException e) {
            throw new TokenRejectedException("the token's signature is invalid");
        } catch (KeySourceException e) { // no key fits, or the key set cannot be read
            throw new TokenRejectedException("the token is signed by an unknown key");
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            // Whatever else fails on an untrusted token is the token's defect: a 401, never a 500.
            throw new TokenRejectedException("the token is malformed");
        }
        VerifiedToken result = new VerifiedToken(rules.actor(claims), claims.getExpirationTime().toInstant());
        verified.remember(token, result, candidates.fingerprints());
        return result;
    }

    private static SignedJWT parse(String token) throws TokenRejectedException {
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot < 0 || firstDot == lastDot || token.indexOf('.', firstDot + 1) != lastDot) {
            throw new TokenRejectedException("the token is not a signed JWT");
        }
        try {
            // The algorithm first, from the header alone: a token naming none or HS256 goes no further.
            Header header = Header.parse(new Base64URL(token.substring(0, firstDot)));
            if (!(header instanceof JWSHeader jws) || !ACCEPTED.contains(jws.getAlgorithm())) {
                throw new TokenRejectedException("the token's algorithm is not accepted; use RS256 or ES256");
            }
            if (jws.getCriticalParams() != null && !jws.getCriticalParams().isEmpty()) {
                throw new TokenRejectedException("the token uses critical header extensions");
            }
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            // RuntimeException too: nimbus parsing untrusted JSON has been seen to throw one (a header "null")
            throw new TokenRejectedException("the token is malformed");
        }
    }
}
