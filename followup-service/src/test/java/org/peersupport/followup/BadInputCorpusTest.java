package org.peersupport.followup;

import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.BadInputCorpus;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The shared bad-input corpus against every endpoint in this service's OpenAPI document and every topic it reads:
 * 4xx problem details, dead letters, nothing stored, still ready.
 */
@ServiceTest
class BadInputCorpusTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAndTopicRefusesBadInputAndStoresNothing() {
        BadInputCorpus.of(context).run().assertClean();
    }
}
