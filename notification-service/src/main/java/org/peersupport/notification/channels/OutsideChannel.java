package org.peersupport.notification.channels;

import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Templates.Rendered;

/** One provider's adapter: hands one message to it, or throws {@link ProviderFailure}. */
public interface OutsideChannel {

    Channel channel();

    /** {@code key} is the message's dedupe key, given to the provider so that a repeat is one message. */
    void send(String address, Rendered message, String key);
}
