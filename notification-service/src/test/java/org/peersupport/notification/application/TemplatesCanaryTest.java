package org.peersupport.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Delivery;
import org.peersupport.notification.domain.Notice;
import org.peersupport.notification.domain.Templates;
import org.peersupport.notification.domain.Templates.Rendered;
import org.peersupport.platform.crypto.OfferLinks;

/**
 * Every notice kind, rendered for email and SMS as a delivery renders it, with a canary in every value the delivery
 * holds (hospital, recipient, what it is about, the cause): none of them, no clinical word and no trace of a
 * hospital's event may appear, not even inside a link's token.
 */
class TemplatesCanaryTest {

    static final String HOSPITAL = "canaryhospital7q";
    static final String RECIPIENT = "jordan.canary.9x";
    static final String ABOUT = "AE-CANARY-2026-0042";
    static final String CAUSE = "cause-canary-51z";
    static final List<String> CANARIES = List.of(HOSPITAL, RECIPIENT, ABOUT, CAUSE, "canary", "jordan", "0042");
    /** Words that name people's health, harm or what happened: none belongs in a notice. */
    static final List<String> CLINICAL = List.of("patient", "death", "died", "dead", "suicid", "self-harm", "harm",
            "overdose", "injur", "diagnos", "adverse", "error", "mistake", "mrn", "medical record", "lawsuit",
            "violence", "assault", "crisis", "distress", "grief", "trauma", "icu", "nurse", "physician");

    final DeliveryService render = new DeliveryService(null, null, null, null,
            new OfferLinks("a-test-secret-of-at-least-32-bytes-long"),
            new NotificationSettings("https://console.peersupport.example", "https://matching.peersupport.example/offer-links",
                    null, null, null), Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(Notice.class)
    void noRenderedNoticeCarriesAnyCanaryOrClinicalWord(Notice notice) {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Delivery delivery = Delivery.plan(CAUSE, HOSPITAL, RECIPIENT, notice, ABOUT,
                List.of(Channel.SMS, Channel.EMAIL), now.plus(Duration.ofHours(2)), now, now).state();

        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            Rendered rendered = render.render(delivery, channel);
            String everything = (rendered.subject() + "\n" + rendered.text() + "\n" + decodedTokens(rendered.text()))
                    .toLowerCase(Locale.ROOT);

            assertThat(rendered.text()).as("%s on %s", notice, channel).isNotBlank().contains("Open the console");
            for (String canary : CANARIES) {
                assertThat(everything).as("%s on %s", notice, channel).doesNotContain(canary.toLowerCase(Locale.ROOT));
            }
            for (String word : CLINICAL) {
                assertThat(everything).as("%s on %s", notice, channel).doesNotContain(word);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Notice.class)
    void anSmsFitsInTwoSegmentsAndOnlyAnOfferCarriesAnswerLinks(Notice notice) {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Delivery delivery = Delivery.plan(CAUSE, HOSPITAL, RECIPIENT, notice, ABOUT, List.of(Channel.SMS),
                now.plus(Duration.ofHours(2)), now, now).state();

        Rendered sms = render.render(delivery, Channel.SMS);
        Rendered email = render.render(delivery, Channel.EMAIL);

        assertThat(sms.text().length()).isLessThanOrEqualTo(2 * 153 + 300);
        assertThat(email.text().contains("Accept: ")).isEqualTo(notice == Notice.NEW_OFFER);
        assertThat(email.subject()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Notice.class)
    void everyKindHasATemplateForEveryChannel(Notice notice) {
        for (Channel channel : Channel.values()) {
            assertThat(Templates.render(notice, channel, Templates.Links.console("https://c.example")).text())
                    .isNotBlank();
        }
    }

    /** The payloads of the link tokens, decoded as far as base64 goes, so a plain id inside one would show. */
    private static String decodedTokens(String text) {
        List<String> decoded = new ArrayList<>();
        Matcher tokens = Pattern.compile("offer-links/([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)").matcher(text);
        while (tokens.find()) {
            decoded.add(new String(Base64.getUrlDecoder().decode(tokens.group(1)), StandardCharsets.ISO_8859_1));
        }
        assertThat(decoded.isEmpty()).isEqualTo(!text.contains("Accept"));
        return String.join("\n", decoded);
    }
}
