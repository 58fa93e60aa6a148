package org.peersupport.platform.test;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Which broker and store the component tests run on, from {@code -Dpeersupport.test.infrastructure}:
 * {@code auto} (the default: Kafka and {@code mongo} containers where a Docker engine answers, otherwise the embedded
 * broker and mongo-java-server), {@code containers} (containers only: without Docker the tests are skipped, never
 * quietly run on the embedded parts) or {@code embedded}. {@code -Dpeersupport.test.embedded=true}, the older switch,
 * still means {@code embedded}.
 */
public enum TestInfrastructure {
    EMBEDDED, CONTAINERS;

    public static final String SETTING = "peersupport.test.infrastructure";

    /** The parts for this setting, or empty when containers are demanded and no Docker engine answers. */
    static Optional<TestInfrastructure> choose(String setting, boolean legacyEmbedded, BooleanSupplier dockerAnswers) {
        String mode = setting == null || setting.isBlank() ? (legacyEmbedded ? "embedded" : "auto")
                : setting.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> Optional.of(EMBEDDED);
            // Docker is asked only where the answer matters: it can take seconds when no engine is there.
            case "auto" -> Optional.of(dockerAnswers.getAsBoolean() ? CONTAINERS : EMBEDDED);
            case "containers" -> dockerAnswers.getAsBoolean() ? Optional.of(CONTAINERS) : Optional.empty();
            default -> throw new IllegalArgumentException(SETTING + " must be auto, containers or embedded, not '"
                    + mode + "'");
        };
    }

    /** The choice of this JVM, from its system properties and, where needed, Docker's answer (asked once). */
    static Optional<TestInfrastructure> ofThisJvm() {
        return Holder.CHOICE;
    }

    private static final class Holder {
        static final Optional<TestInfrastructure> CHOICE = choose(System.getProperty(SETTING),
                Boolean.getBoolean("peersupport.test.embedded"), Holder::dockerAnswers);

        private static boolean dockerAnswers() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error noDocker) {
                return false;
            }
        }
    }
}
