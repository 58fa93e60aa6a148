package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.crypto.OfferLinks.Action;
import org.peersupport.platform.crypto.OfferLinks.OfferLink;

class OfferLinksTest {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes-long";
    final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    final OfferLinks links = new OfferLinks(SECRET);
    final OfferLink accept = new OfferLink(Action.ACCEPT, "lakeside", "req-1", "lakeside-supporter-1",
            now.plus(Duration.ofHours(2)));

    @Test
    void aSignedLinkVerifiesUntilItExpires() {
        String token = links.sign(accept);

        assertThat(links.verify(token, now)).contains(accept);
        assertThat(links.verify(token, accept.expiresAt())).isEmpty();
    }

    @Test
    void aTokenChangedInAnyWayOrSignedWithAnotherSecretIsRefused() {
        String token = links.sign(accept);
        String decline = links.sign(new OfferLink(Action.DECLINE, "lakeside", "req-1", "lakeside-supporter-1",
                accept.expiresAt()));
        String forgedPayload = decline.substring(0, decline.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(links.verify(forgedPayload, now)).isEmpty();
        assertThat(new OfferLinks(SECRET + "x").verify(token, now)).isEmpty();
        assertThat(links.verify(token + "A", now)).isEmpty();
        assertThat(links.verify("not a token", now)).isEmpty();
        assertThat(links.verify(null, now)).isEmpty();
    }

    @Test
    void theTokenShowsNoneOfTheIdsItCarries() {
        String token = links.sign(accept);
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(token + decoded).doesNotContain("lakeside").doesNotContain("req-1").doesNotContain("supporter");
    }

    @Test
    void aShortSecretIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new OfferLinks("short")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("short");
    }
}
