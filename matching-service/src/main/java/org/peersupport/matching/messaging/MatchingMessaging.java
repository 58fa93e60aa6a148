package org.peersupport.matching.messaging;

import java.util.function.Consumer;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.application.RequestDataPurge;
import org.peersupport.platform.messaging.EventDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration
class MatchingMessaging {

    /** Requests from intake, the roster from training and closed cases from followup: bound in application.yaml. */
    @Bean
    Consumer<Message<byte[]>> matchingEvents(EventDispatcher dispatcher, MatchingService matching,
            RequestDataPurge purge) {
        return dispatcher.consumer()
                .on(RequestSubmitted.class, matching::onRequestSubmitted)
                .on(RequestWithdrawn.class, matching::onRequestWithdrawn)
                .on(SupporterCertified.class, matching::onSupporterCertified)
                .on(CertificationLapsed.class, matching::onCertificationLapsed)
                .on(CaseClosed.class, matching::onCaseClosed)
                .on(CaseDataPurged.class, purge::onCaseDataPurged)
                .build();
    }
}
