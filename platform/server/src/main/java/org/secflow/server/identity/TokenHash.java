package org.secflow.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The stored form of a static bearer token: {@code sha256$<token id>$<salt>$<hash>}, where
 * <ul>
 * <li>the token itself is {@code secflow_<token id>_<secret>}: a token id of 16 lower-case hex digits (8 random
 *     bytes, not secret: it only finds the entry) and a secret of 32 random bytes in base64url without padding;</li>
 * <li>{@code salt} is 16 random bytes, base64url without padding;</li>
 * <li>{@code hash} is SHA-256 over the salt bytes followed by the UTF-8 bytes of the whole token, base64url without
 *     padding (43 characters).</li>
 * </ul>
 *
 * <p>Why a salted SHA-256 and not a slow password hash (PBKDF2, bcrypt): the secret has 256 random bits, so guessing
 * it from a leaked hash costs about 2^255 SHA-256 evaluations whatever the hash speed; slow hashes protect
 * low-entropy, human-chosen passwords, which these are not (NIST SP 800-63B section 5.1.1.2 applies key stretching to
 * memorised secrets; RFC 6749 section 10.10 asks only that generated tokens be infeasible to guess). The salt makes
 * equal tokens hash differently and rules out tables precomputed across files. A check is one SHA-256 of about 80
 * bytes (around a microsecond), so no cache is needed and an unknown token costs the server nothing more than a known
 * one. The token id makes the look-up a map access instead of a scan of every User.
 *
 * @param tokenId 16 lower-case hex digits
 * @param salt 16 bytes or more
 * @param hash 32 bytes
 */
public record TokenHash(String tokenId, byte[] salt, byte[] hash) {
    public static final String SCHEME = "sha256";
    /** Every generated token starts with this, so that secret scanners and people recognise one. */
    public static final String TOKEN_PREFIX = "secflow_";
    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    public TokenHash {
        if (tokenId == null || !TOKEN_ID.matcher(tokenId).matches()) {
            throw new IllegalArgumentException("the token id must be 16 lower-case hex digits");
        }
        if (salt == null || salt.length < 16) {
            throw new IllegalArgumentException("the salt must be at least 16 bytes");
        }
        if (hash == null || hash.length != 32) {
            throw new IllegalArgumentException("the hash must be 32 bytes (SHA-256)");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** A new token and its hash: the token goes to the User once, only the hash is kept. */
    public record NewToken(String token, TokenHash hash) {
    }

    /** Draws a new random token (8-byte id, 32-byte secret) and salt from {@link SecureRandom}. */
    public static NewToken generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        byte[] salt = new byte[16];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        RANDOM.nextBytes(salt);
        String tokenId = HexFormat.of().formatHex(id);
        String token = TOKEN_PREFIX + tokenId + "_" + B64.encodeToString(secret);
        return new NewToken(token, new TokenHash(tokenId, salt, digest(salt, token)));
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException saying which part is wrong (never echoing the hash)
     */
    public static TokenHash parse(String stored) {
        if (stored == null || stored.isBlank()) {
            throw new IllegalArgumentException("tokenHash is empty");
        }
        String[] parts = stored.strip().split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("tokenHash must read sha256$<token id>$<salt>$<hash> (as 'secflow users token' prints it)");
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = B64D.decode(parts[2]);
            hash = B64D.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tokenHash: the salt and the hash must be base64url");
        }
        try {
            return new TokenHash(parts[1], salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tokenHash: " + e.getMessage());
        }
    }

    /** The token id a generated token carries, or null when the token is not of that shape. */
    public static String tokenIdOf(String token) {
        // by hand rather than by the pattern: this runs on every request
        int id = TOKEN_PREFIX.length();
        if (token.length() != id + 16 + 1 + 43 || !token.startsWith(TOKEN_PREFIX) || token.charAt(id + 16) != '_') {
            return null;
        }
        for (int i = id; i < id + 16; i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        for (int i = id + 17; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                return null;
            }
        }
        return token.substring(id, id + 16);
    }

    /** Whether {@code token} is the token this hash was made from; the hashes are compared in constant time. */
    public boolean matches(String token) {
        return MessageDigest.isEqual(hash, digest(salt, token));
    }

    /** The stored form, {@code sha256$<token id>$<salt>$<hash>}. */
    public String format() {
        return SCHEME + "$" + tokenId + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenHash t && tokenId.equals(t.tokenId) && MessageDigest.isEqual(salt, t.salt)
                && MessageDigest.isEqual(hash, t.hash);
    }

    @Override
    public int hashCode() {
        return tokenId.hashCode();
    }

    @Override
    public String toString() {
        return "TokenHash[" + tokenId + "]";
    }

    private static byte[] digest(byte[] salt, String token) {
        MessageDigest sha = sha256();
        sha.update(salt);
        return sha.digest(token.getBytes(StandardCharsets.UTF_8));
    }

    /** A SHA-256 digest of this thread, reset (looking one up from the providers costs more than hashing a token). */
    static MessageDigest sha256() {
        MessageDigest d = SHA256.get();
        d.reset();
        return d;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });
}
