package org.peersupport.notification.application;

import org.peersupport.platform.crypto.OfferLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /** Signs the accept and decline links of an offer; matching holds the same secret and verifies them. */
    @Bean
    OfferLinks offerLinks(@Value("${peersupport.links.secret}") String secret) {
        return new OfferLinks(secret);
    }
}
