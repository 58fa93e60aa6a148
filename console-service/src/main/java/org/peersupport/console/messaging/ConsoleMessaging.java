package org.peersupport.console.messaging;

import java.util.function.Consumer;
import org.peersupport.console.application.DashboardProjection;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CheckInRecorded;
import org.peersupport.events.FeedbackReceived;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.ReferralMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SessionStarted;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SupporterCertified;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.platform.messaging.EventDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration
class ConsoleMessaging {

    /**
     * The dashboard's read model, from intake's, matching's, followup's and training's topics (group {@code console},
     * bound in application.yaml); every other type on them is passed over.
     */
    @Bean
    Consumer<Message<byte[]>> dashboardEvents(EventDispatcher dispatcher, DashboardProjection projection) {
        return dispatcher.consumer()
                .on(RequestSubmitted.class, projection::onRequestSubmitted)
                .on(RequestWithdrawn.class, projection::onRequestWithdrawn)
                .on(SupporterAssigned.class, projection::onSupporterAssigned)
                .on(MatchEscalated.class, projection::onMatchEscalated)
                .on(CheckInDue.class, projection::onCheckInDue)
                .on(SupporterCertified.class, projection::onSupporterCertified)
                .on(CertificationLapsed.class, projection::onCertificationLapsed)
                .on(WaitlistPromoted.class, projection::onWaitlistPromoted)
                .on(SessionStarted.class, projection::onSessionStarted)
                .on(FirstContactMade.class, projection::onFirstContactMade)
                .on(SlaBreached.class, projection::onSlaBreached)
                .on(CheckInRecorded.class, projection::onCheckInRecorded)
                .on(CheckInMissed.class, projection::onCheckInMissed)
                .on(ReferralMade.class, projection::onReferralMade)
                .on(CaseClosed.class, projection::onCaseClosed)
                .on(FeedbackReceived.class, projection::onFeedbackReceived)
                .build();
    }
}
