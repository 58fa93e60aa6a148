package org.peersupport.notification.messaging;

import java.util.function.Consumer;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferMade;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.notification.application.NotificationService;
import org.peersupport.notification.application.RequestNoticePurge;
import org.peersupport.platform.messaging.EventDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration
class NotificationMessaging {

    @Bean
    Consumer<Message<byte[]>> notificationEvents(EventDispatcher dispatcher, NotificationService notifications,
            RequestNoticePurge purge) {
        return dispatcher.consumer()
                .on(OfferMade.class, notifications::onOfferMade)
                .on(SupporterAssigned.class, notifications::onSupporterAssigned)
                .on(CheckInDue.class, notifications::onCheckInDue)
                .on(MatchEscalated.class, notifications::onMatchEscalated)
                .on(CrisisFlagged.class, notifications::onCrisisFlagged)
                .on(CaseDataPurged.class, purge::onCaseDataPurged)
                .build();
    }
}
