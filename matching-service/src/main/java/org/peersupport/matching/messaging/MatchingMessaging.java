package org.peersupport.matching.messaging;

import java.util.function.Consumer;
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

    /** Requests from intake and the roster from training: bound in application.yaml. */
    @Bean
    Consumer<Message<byte[]>> matchingEvents(EventDispatcher dispatcher, MatchingService matching,
            RequestDataPurge purge) {
        return dispatcher.consumer()
                .on(RequestSubmitted.class, matching::onRequestSubmitted)
                .on(RequestWithdrawn.class, matching::onRequestWithdrawn)
                .on(SupporterCertified.class, matching::onSupporterCertified)
                .on(CaseDataPurged.class, purge::onCaseDataPurged)
                .build();
    }
}
