package org.peersupport.notification.messaging;

import java.util.function.Consumer;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferMade;
import org.peersupport.events.SessionReminderDue;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.WaitlistPromoted;
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
                .on(CaseOpened.class, notifications::onCaseOpened)
                .on(CheckInDue.class, notifications::onCheckInDue)
                .on(SlaBreached.class, notifications::onSlaBreached)
                .on(CheckInMissed.class, notifications::onCheckInMissed)
                .on(WaitlistPromoted.class, notifications::onWaitlistPromoted)
                .on(SessionReminderDue.class, notifications::onSessionReminderDue)
                .on(MatchEscalated.class, notifications::onMatchEscalated)
                .on(CrisisFlagged.class, notifications::onCrisisFlagged)
                .on(CaseDataPurged.class, purge::onCaseDataPurged)
                .build();
    }
}
