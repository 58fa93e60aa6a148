package org.peersupport.intake.messaging;

import java.util.function.Consumer;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.Topics;
import org.peersupport.intake.application.RequestService;
import org.peersupport.intake.application.RetentionService;
import org.peersupport.intake.application.TriggerProperties;
import org.peersupport.intake.application.TriggerService;
import org.peersupport.platform.messaging.EventDispatcher;
import org.peersupport.platform.messaging.RedactedDeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration
class IntakeMessaging {

    /** Matching's answers about requests and follow-up's closed cases: bound to both topics in application.yaml. */
    @Bean
    Consumer<Message<byte[]>> intakeEvents(EventDispatcher dispatcher, RequestService requests,
            RetentionService retention) {
        return dispatcher.consumer()
                .on(SupporterAssigned.class, requests::onSupporterAssigned)
                .on(MatchEscalated.class, requests::onMatchEscalated)
                .on(CaseClosed.class, retention::onCaseClosed)
                .build();
    }

    /**
     * Hospital systems' triggers: bound to the trigger topic in application.yaml, with its own checks. A refused
     * trigger may carry patient data, so its dead letter says only which record was refused and why.
     */
    @Bean
    Consumer<Message<byte[]>> triggers(EventDispatcher dispatcher, TriggerService triggers,
            TriggerProperties properties, RedactedDeadLetters letters) {
        return dispatcher.foreign(Topics.TRIGGER_REPORTED,
                new TriggerRecords(triggers, properties)::handle, letters,
                Topics.deadLetter("intake-triggers"));
    }
}
