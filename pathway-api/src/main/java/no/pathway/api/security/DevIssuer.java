package no.pathway.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local token issuer for development and tests only: an RSA key kept in the data folder (so tokens survive a
 * restart) and a way to mint tokens for each role. Outside the dev profile the service refuses to start with it.
 */
public class DevIssuer {
    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    DevIssuer(Path keyFile, String issuer, String audience, Clock clock) {
        this.key = loadOrCreate(keyFile);
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    public String issuer() {
        return issuer;
    }

    /** The private key: the development provider people log in to signs with it too, so the API trusts one issuer. */
    public RSAKey signingKey() {
        return key;
    }

    /** A signed access token with the given scopes and claims, valid for {@code ttl}. */
    public String mint(String subject, String clientId, List<String> scopes, Map<String, Object> claims,
                       Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("client_id", clientId).claim("scope", String.join(" ", scopes));
        claims.forEach(set::claim);
        return sign(set.build(), key);
    }

    /** Signs claims with a given key; tests use it to forge tokens. */
    public static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make an RSA key", e);
        }
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = newKey();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the file stays with default permissions
            }
            return key;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("could not read or write the development issuer key " + file, e);
        }
    }
}
