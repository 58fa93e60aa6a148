package org.peersupport.matching;

import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.ApiDocuments;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document served at /v3/api-docs, without a token, is the one checked in under docs/api/openapi/. */
@ServiceTest
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void servedDocumentIsTheCheckedInOne() {
        ApiDocuments.assertServedIsCheckedIn(port, "matching");
    }
}
