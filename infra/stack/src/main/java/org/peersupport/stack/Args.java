package org.peersupport.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} (or {@code --name value}) arguments, falling back to system properties. */
public final class Args {

    private Args() {
    }

    /** Options from system properties {@code <prefix><name>}, overridden by the arguments. */
    public static Map<String, String> parse(String[] args, String systemPropertyPrefix) {
        Map<String, String> opts = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith(systemPropertyPrefix))
                .forEach(k -> opts.put(k.substring(systemPropertyPrefix.length()), System.getProperty(k)));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        return opts;
    }

    static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }
}
