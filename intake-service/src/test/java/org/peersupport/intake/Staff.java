package org.peersupport.intake;

import java.util.UUID;
import org.peersupport.platform.test.TestTokens;

/**
 * Tokens of staff members no other test has used: each person may hold one open request and make a few submissions
 * an hour, so a test that needs a new request needs a new person.
 */
public final class Staff {

    private Staff() {
    }

    public static String subject(String hospitalId) {
        return hospitalId + "-staff-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String fresh(String hospitalId) {
        return TestTokens.token(subject(hospitalId), hospitalId, "staff");
    }

    public static String coordinator(String hospitalId) {
        return TestTokens.token(hospitalId + "-coordinator", hospitalId, "coordinator");
    }
}
