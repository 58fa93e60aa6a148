package org.peersupport.followup.messaging;

import java.util.function.Consumer;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.followup.application.CaseDataPurge;
import org.peersupport.followup.application.FollowupService;
import org.peersupport.platform.messaging.EventDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration
class FollowupMessaging {

    /** Matching's assignments and intake's withdrawals: bound to both topics in application.yaml. */
    @Bean
    Consumer<Message<byte[]>> followupEvents(EventDispatcher dispatcher, FollowupService followup,
            CaseDataPurge purge) {
        return dispatcher.consumer()
                .on(SupporterAssigned.class, followup::onSupporterAssigned)
                .on(RequestWithdrawn.class, followup::onRequestWithdrawn)
                .on(CaseDataPurged.class, purge::onCaseDataPurged)
                .build();
    }
}
