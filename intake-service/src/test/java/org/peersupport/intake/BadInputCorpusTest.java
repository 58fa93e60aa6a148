package org.peersupport.intake;

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
        BadInputCorpus.of(context)
                // Every attempt to read a contact is audited before anything is opened, refused ones included.
                .ignoring("contact_reads", "contact_read_lists", "contact_read_days")
                .query("GET", "/api/hospitals/{hospitalId}/requests/{requestId}/contact-reads",
                        "the audit of reads of that id, which lists refused attempts on ids that never existed")
                .run().assertClean();
    }
}
