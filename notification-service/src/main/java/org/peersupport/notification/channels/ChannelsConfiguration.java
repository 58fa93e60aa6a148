package org.peersupport.notification.channels;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.notification.application.NotificationSettings;
import org.peersupport.notification.application.NotificationSettings.Providers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The providers this instance has: email when SMTP is configured ({@code spring.mail.host}), SMS when its URL is. */
@Configuration
class ChannelsConfiguration {

    @Bean
    GuardedChannels guardedChannels(ObjectProvider<JavaMailSender> mail, NotificationSettings settings,
            MeterRegistry meters) {
        List<OutsideChannel> channels = new ArrayList<>();
        mail.ifAvailable(sender -> channels.add(new EmailChannel(sender, settings.email().from())));
        String smsUrl = settings.sms().baseUrl();
        if (smsUrl != null && !smsUrl.isBlank()) {
            channels.add(new SmsChannel(smsUrl, settings.sms().apiKey(), settings.sms().timeout()));
        }
        Providers p = settings.providers();
        return new GuardedChannels(channels, new ProviderSettings(p.maxAttempts(), p.initialBackoff(),
                p.backoffMultiplier(), p.jitter(), p.maxBackoff(), p.breakerWindow(), p.breakerMinimumCalls(),
                p.breakerFailureRate(), p.breakerOpenFor(), p.breakerHalfOpenCalls(), p.ratePerSecond(),
                p.rateWait(), p.bulkheadConcurrent(), p.bulkheadWait()), meters);
    }
}
