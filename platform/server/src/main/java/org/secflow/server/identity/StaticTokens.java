package org.secflow.server.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secflow.access.User;
import org.secflow.server.config.SecflowConfig;

/**
 * The static bearer tokens of {@code users} in the configuration, each with its User.
 *
 * <p>Look-up, per request: a generated token ({@code secflow_<token id>_<secret>}) is found by its token id in a hash
 * map and checked with one salted SHA-256 ({@link TokenHash}); a plain demo token ({@code token:}) is found by the
 * SHA-256 of the token, so the map's timing depends only on a digest that tells nothing about stored tokens, and the
 * stored token is then compared with {@link MessageDigest#isEqual}. Either way one SHA-256 of under 100 bytes (about a
 * microsecond) and one map access.
 */
public final class StaticTokens {
    private record Hashed(TokenHash hash, User user) {
    }

    private record Plain(byte[] token, User user) {
    }

    private final Map<String, Hashed> byTokenId = new HashMap<>();
    private final Map<ByteBuffer, Plain> plainByDigest = new HashMap<>();

    /**
     * @throws IllegalArgumentException naming the entry ({@code users[i]}, its userId) when it has neither or both of
     *         {@code token} and {@code tokenHash}, a malformed {@code tokenHash}, a token or token id another entry
     *         has, or no userId or party
     */
    public StaticTokens(List<SecflowConfig.UserEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            SecflowConfig.UserEntry e = entries.get(i);
            String where = "users[" + i + "]" + (e.userId() == null ? "" : " (userId " + e.userId() + ")");
            if (e.userId() == null || e.userId().isBlank() || e.party() == null || e.party().isBlank()) {
                throw new IllegalArgumentException(where + ": userId and party are required");
            }
            boolean plain = e.token() != null;
            boolean hashed = e.tokenHash() != null;
            if (plain == hashed) {
                throw new IllegalArgumentException(where + ": give exactly one of tokenHash (from 'secflow users token') and token"
                        + " (plain text, for demos)");
            }
            User user = new User(e.userId(), e.name() == null ? e.userId() : e.name(), e.party(),
                    e.dccUserRoles() == null ? null : Set.copyOf(e.dccUserRoles()),
                    e.platformRoles() == null ? null : Set.copyOf(e.platformRoles()),
                    e.groups() == null ? null : Set.copyOf(e.groups()));
            if (hashed) {
                TokenHash hash;
                try {
                    hash = TokenHash.parse(e.tokenHash());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(where + ": " + bad.getMessage(), bad);
                }
                if (byTokenId.putIfAbsent(hash.tokenId(), new Hashed(hash, user)) != null) {
                    throw new IllegalArgumentException(where + ": another entry has a tokenHash with token id " + hash.tokenId());
                }
            } else {
                if (e.token().isBlank()) {
                    throw new IllegalArgumentException(where + ": token is empty");
                }
                byte[] token = e.token().getBytes(StandardCharsets.UTF_8);
                if (plainByDigest.putIfAbsent(digest(token), new Plain(token, user)) != null) {
                    throw new IllegalArgumentException(where + ": another entry has the same token");
                }
            }
        }
    }

    /** The User of this token, or null when no entry has it. */
    public User find(String token) {
        String tokenId = TokenHash.tokenIdOf(token);
        if (tokenId != null) {
            Hashed h = byTokenId.get(tokenId);
            if (h != null) {
                return h.hash().matches(token) ? h.user() : null;
            }
        }
        if (plainByDigest.isEmpty()) {
            return null;
        }
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        Plain p = plainByDigest.get(digest(bytes));
        return p != null && MessageDigest.isEqual(p.token(), bytes) ? p.user() : null;
    }

    /** How many entries keep their token in plain text (a demo or test configuration). */
    public int plainCount() {
        return plainByDigest.size();
    }

    /** How many entries keep a salted hash. */
    public int hashedCount() {
        return byTokenId.size();
    }

    private static ByteBuffer digest(byte[] token) {
        return ByteBuffer.wrap(TokenHash.sha256().digest(token));
    }
}
