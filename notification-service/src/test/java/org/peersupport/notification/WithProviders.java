package org.peersupport.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The providers every notification test context talks to: one real SMTP server (GreenMail) and WireMock standing in
 * for the SMS provider, per test JVM. Every service test extends this, so all contexts (which share the consumer
 * group, the store and its timers) send to the same places; the breaker is tuned small so a test sees it open and
 * close.
 */
public abstract class WithProviders {

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WireMockServer sms = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        smtp.start();
        sms.start();
        smsAnswers(202);
    }

    static void smsAnswers(int status) {
        sms.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(status)));
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("peersupport.notification.sms.base-url", sms::baseUrl);
        registry.add("peersupport.notification.providers.max-attempts", () -> "2");
        registry.add("peersupport.notification.providers.initial-backoff", () -> "50ms");
        registry.add("peersupport.notification.providers.breaker-window", () -> "4");
        registry.add("peersupport.notification.providers.breaker-minimum-calls", () -> "2");
        registry.add("peersupport.notification.providers.breaker-open-for", () -> "5s");
        registry.add("peersupport.notification.providers.breaker-half-open-calls", () -> "1");
    }
}
