package no.pathway.api.support;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Synthetic national test numbers (month + 80) with valid check digits; never a real person. */
public final class TestPersons {
    private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

    private TestPersons() {
    }

    public static String next() {
        return from(new Random(SEED.incrementAndGet()));
    }

    public static String from(Random random) {
        while (true) {
            String base = String.format("%02d%02d%02d%03d", 1 + random.nextInt(28), 81 + random.nextInt(12),
                    random.nextInt(100), random.nextInt(1000));
            int k1 = check(base, new int[]{3, 7, 6, 1, 8, 9, 4, 5, 2});
            if (k1 < 0) {
                continue;
            }
            int k2 = check(base + k1, new int[]{5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
            if (k2 >= 0) {
                return base + k1 + k2;
            }
        }
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }
}
