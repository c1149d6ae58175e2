package no.pathway.api.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Municipality codes that no other test in this JVM uses, so a test that lists or counts a municipality's gaps sees
 * only its own. Random codes met now and then: DashboardIT once found eight of its seven gaps.
 */
public final class TestMunicipalities {
    private static final AtomicInteger NEXT = new AtomicInteger(9000);

    private TestMunicipalities() {
    }

    public static String next() {
        int code = NEXT.getAndIncrement();
        if (code > 9998) {
            throw new IllegalStateException("the tests have used every municipality code from 9000 to 9998");
        }
        return String.valueOf(code);
    }
}
