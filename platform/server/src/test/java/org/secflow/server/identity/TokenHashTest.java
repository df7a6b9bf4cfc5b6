package org.secflow.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stored form of static tokens: round trip, salting, and the token id that finds an entry. */
class TokenHashTest {

    @Test
    void aGeneratedTokenMatchesItsParsedHashAndNoOtherToken() {
        TokenHash.NewToken t = TokenHash.generate();
        TokenHash parsed = TokenHash.parse(t.hash().format());
        assertThat(parsed).isEqualTo(t.hash());
        assertThat(parsed.matches(t.token())).isTrue();
        assertThat(parsed.matches(t.token() + "x")).isFalse();
        assertThat(parsed.matches(TokenHash.generate().token())).isFalse();
        assertThat(TokenHash.tokenIdOf(t.token())).isEqualTo(parsed.tokenId());
        assertThat(t.token()).matches("secflow_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    }

    @Test
    void theSameTokenHashesDifferentlyUnderAnotherSalt() {
        TokenHash.NewToken t = TokenHash.generate();
        byte[] otherSalt = new byte[16];
        TokenHash other = new TokenHash(t.hash().tokenId(), otherSalt, t.hash().hash());
        assertThat(other.matches(t.token())).isFalse();
    }

    @Test
    void tokensOfAnotherShapeHaveNoTokenId() {
        assertThat(TokenHash.tokenIdOf("demo-admin")).isNull();
        assertThat(TokenHash.tokenIdOf("secflow_0123456789ABCDEF_" + "a".repeat(43))).isNull();
    }
}
