package org.peersupport.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Starts and stops the local stack: a Kafka broker, a MongoDB-wire store, the dev OAuth2 issuer and the
 * six services, each its own OS process that outlives this JVM. Used by {@code ./peer} and by the
 * end-to-end tests.
 */
public final class LocalStack {

    public static final String HEALTHY = "healthy";
    public static final String RUNNING_NOT_HEALTHY = "running (not healthy)";
    public static final String STOPPED = "stopped";

    /** The pom's version, which names every jar; Maven writes it into {@code peer-version.properties}. */
    static final String VERSION = projectVersion();
    static final List<String> SPRING_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Health checks run side by side (the common pool has one thread on a two-core machine). */
    private static final ExecutorService CHECKS = Executors.newFixedThreadPool(StackConfig.PARTS.size(), r -> {
        Thread t = new Thread(r, "peer-stack-health");
        t.setDaemon(true);
        return t;
    });

    private final StackConfig config;
    private final PidFiles pids;
    private final HttpClient http;

    public LocalStack(StackConfig config) {
        this.config = config;
        this.pids = new PidFiles(config.stateDir());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public StackConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts every part not already running and waits until all are healthy. */
    public void up() {
        up(StackConfig.PARTS);
    }

    /**
     * Starts the given parts (those not already running) and waits until they are healthy: Kafka, MongoDB and
     * the issuer first, then the services in parallel.
     *
     * @throws IllegalStateException naming the parts that exited or were not healthy within the start timeout
     */
    public void up(Collection<String> parts) {
        Set<String> wanted = new LinkedHashSet<>();
        StackConfig.PARTS.stream().filter(parts::contains).forEach(wanted::add);
        parts.forEach(StackConfig::checkPart);
        requireArtifacts(wanted);
        Instant deadline = Instant.now().plus(config.startTimeout());
        List<String> infra = wanted.stream().filter(StackConfig.INFRA::contains).toList();
        List<String> services = wanted.stream().filter(StackConfig.SERVICES::contains).toList();
        startAndAwait(infra, deadline);
        startAndAwait(services, deadline);
    }

    /** Stops every part: SIGTERM to the services first, then the issuer, then Kafka and MongoDB; SIGKILL after 20 s. */
    public void down() {
        stopGroup(StackConfig.SERVICES);
        stopGroup(List.of(StackConfig.ISSUER));
        stopGroup(List.of(StackConfig.KAFKA, StackConfig.MONGO, StackConfig.MAIL));
    }

    /** Part name to {@code healthy}, {@code running (not healthy)} or {@code stopped}, in start order. */
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, CompletableFuture<String>> results = new LinkedHashMap<>();
        for (String part : StackConfig.PARTS) {
            results.put(part, CompletableFuture.supplyAsync(() -> statusOf(part), CHECKS));
        }
        results.forEach((part, f) -> status.put(part, f.join()));
        return status;
    }

    /** SIGKILL one part (for fault tests). */
    public void kill(String part) {
        StackConfig.checkPart(part);
        pids.live(part).ifPresent(h -> {
            h.destroyForcibly();
            awaitExit(h, Duration.ofSeconds(10));
        });
        pids.remove(part);
    }

    /** Graceful stop of one part: SIGTERM, then SIGKILL after 20 s. */
    public void stop(String part) {
        StackConfig.checkPart(part);
        stopGroup(List.of(part));
    }

    /** Starts one part (if it is not running) and waits until it is healthy. */
    public void start(String part) {
        StackConfig.checkPart(part);
        up(List.of(part));
    }

    /**
     * Starts one more instance of a service, named {@code instance} (its own pid file and log), on the given port
     * and management port, sharing the service's database and consumer group, and waits until it is ready. Used by
     * fault tests that need two instances of one service; {@link #stopInstance} stops it.
     */
    public void startInstance(String service, String instance, int port, int managementPort) {
        if (!StackConfig.SERVICES.contains(service)) {
            throw new IllegalArgumentException("not a service: " + service);
        }
        if (pids.live(instance).isPresent()) {
            return;
        }
        List<String> cmd = new ArrayList<>(SPRING_JVM_OPTIONS);
        cmd.add(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(PidFiles.markers(instance, config.stateDir()));
        cmd.add("-jar");
        cmd.add(jar(service).toString());
        Map<String, String> env = new LinkedHashMap<>(environment(service));
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        Path log = config.stateDir().resolve("logs").resolve(instance + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(config.projectRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            pids.write(instance, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + instance, e);
        }
        Instant deadline = Instant.now().plus(config.startTimeout());
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        while (!answersUp(ready)) {
            if (pids.live(instance).isEmpty()) {
                throw new IllegalStateException(instance + " exited before it was ready; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(instance + " not ready after " + config.startTimeout().toSeconds()
                        + " s; see " + log);
            }
            pause(POLL);
        }
    }

    /** Stops an instance started by {@link #startInstance}: SIGTERM, then SIGKILL after the grace period. */
    public void stopInstance(String instance) {
        pids.live(instance).ifPresent(h -> {
            h.destroy();
            if (!awaitExit(h, STOP_GRACE)) {
                h.destroyForcibly();
                awaitExit(h, Duration.ofSeconds(10));
            }
        });
        pids.remove(instance);
    }

    private boolean answersUp(URI uri) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replaceAll("\\s", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** e.g. {@code http://127.0.0.1:8081}; for Kafka {@code 127.0.0.1:9092}; for MongoDB {@code mongodb://127.0.0.1:27017}. */
    public String url(String part) {
        StackConfig.checkPart(part);
        int port = config.port(part);
        return switch (part) {
            case StackConfig.KAFKA -> "127.0.0.1:" + port;
            case StackConfig.MONGO -> "mongodb://127.0.0.1:" + port;
            default -> "http://127.0.0.1:" + port;
        };
    }

    /** Where a part answers its health check: a service's management port, the issuer's own port. */
    public String managementUrl(String part) {
        StackConfig.checkPart(part);
        if (StackConfig.SERVICES.contains(part)) {
            return "http://127.0.0.1:" + config.managementPort(part);
        }
        return url(part);
    }

    public Path logFile(String part) {
        StackConfig.checkPart(part);
        return config.stateDir().resolve("logs").resolve(part + ".log");
    }

    /** The folder a part keeps its data in. */
    public Path dataDir(String part) {
        StackConfig.checkPart(part);
        return config.stateDir().resolve("data").resolve(part);
    }

    /** Whether the part's process (per its pid file) is alive and ours. */
    public boolean isRunning(String part) {
        return pids.live(part).isPresent();
    }

    /** The pid of the part's process, if running. */
    public Optional<Long> pid(String part) {
        return pids.live(part).map(ProcessHandle::pid);
    }

    /** Whether the part answers its health check now. */
    public boolean isHealthy(String part) {
        StackConfig.checkPart(part);
        return switch (part) {
            case StackConfig.KAFKA -> kafkaHealthy();
            case StackConfig.MONGO -> tcpOpen(config.port(part));
            default -> httpHealthy(part);
        };
    }

    // ---------------------------------------------------------------- command lines

    /** The jar or classes folder each of the given parts needs. */
    List<Path> requiredArtifacts(Collection<String> parts) {
        Set<Path> files = new LinkedHashSet<>();
        for (String part : parts) {
            if (part.equals(StackConfig.KAFKA) || part.equals(StackConfig.MONGO) || part.equals(StackConfig.MAIL)) {
                files.add(stackClasses());
                files.add(stackClasspathFile());
            } else {
                files.add(jar(part));
            }
        }
        return List.copyOf(files);
    }

    private void requireArtifacts(Collection<String> parts) {
        List<Path> missing = requiredArtifacts(parts).stream().filter(p -> !Files.exists(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing build output (run ./mvnw -B -DskipTests install first): "
                    + missing.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
    }

    Path stackClasses() {
        return config.projectRoot().resolve("infra/stack/target/classes");
    }

    Path stackClasspathFile() {
        return config.projectRoot().resolve("infra/stack/target/classpath.txt");
    }

    /** The runnable jar of the issuer or a service. */
    Path jar(String part) {
        if (part.equals(StackConfig.ISSUER)) {
            return config.projectRoot().resolve("infra/issuer/target/issuer-" + VERSION + "-exec.jar");
        }
        String module = part + "-service";
        return config.projectRoot().resolve(module + "/target/" + module + "-" + VERSION + "-exec.jar");
    }

    /** The command line of a part, markers included. */
    List<String> command(String part) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        switch (part) {
            case StackConfig.KAFKA -> {
                cmd.add("-Xmx512m");
                cmd.addAll(PidFiles.markers(part, config.stateDir()));
                cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
                cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
                cmd.add("-Dlog4j2.level=warn");
                cmd.add("-cp");
                cmd.add(stackClasspath());
                cmd.add(KafkaBrokerMain.class.getName());
                cmd.add("--port=" + config.port(StackConfig.KAFKA));
                cmd.add("--controller-port=" + config.port(StackConfig.KAFKA_CONTROLLER));
                cmd.add("--data-dir=" + dataDir(part));
            }
            case StackConfig.MONGO -> {
                cmd.add("-Xmx512m");
                cmd.addAll(PidFiles.markers(part, config.stateDir()));
                cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
                cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
                cmd.add("-cp");
                cmd.add(stackClasspath());
                cmd.add(MongoStoreMain.class.getName());
                cmd.add("--port=" + config.port(StackConfig.MONGO));
                cmd.add("--data-dir=" + dataDir(part));
            }
            case StackConfig.MAIL -> {
                cmd.add("-Xmx256m");
                cmd.addAll(PidFiles.markers(part, config.stateDir()));
                cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
                cmd.add("-cp");
                cmd.add(stackClasspath());
                cmd.add(MailServerMain.class.getName());
                cmd.add("--smtp-port=" + config.port(StackConfig.MAIL_SMTP));
                cmd.add("--web-port=" + config.port(StackConfig.MAIL));
            }
            default -> {
                cmd.addAll(SPRING_JVM_OPTIONS);
                cmd.addAll(PidFiles.markers(part, config.stateDir()));
                cmd.add("-jar");
                cmd.add(jar(part).toString());
            }
        }
        return cmd;
    }

    private String stackClasspath() {
        try {
            String deps = Files.readString(stackClasspathFile(), StandardCharsets.UTF_8).trim();
            return stackClasses() + (deps.isEmpty() ? "" : File.pathSeparator + deps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stackClasspathFile(), e);
        }
    }

    /** The console's origins as a browser may name them: by address and by {@code localhost}. */
    private String consoleOrigins() {
        return url("console") + "," + url("console").replace("//127.0.0.1:", "//localhost:");
    }

    /** The environment a part gets on top of this JVM's. */
    Map<String, String> environment(String part) {
        Map<String, String> env = new LinkedHashMap<>();
        if (part.equals(StackConfig.ISSUER)) {
            env.put("SERVER_PORT", String.valueOf(config.port(part)));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("ISSUER_URI", url(part));
            env.put("ISSUER_KEY_DIR", dataDir(part).toString());
            // The console's pages sign in here (redirect URI) and exchange the code from the browser (CORS).
            env.put("ISSUER_CONSOLE_ORIGINS", consoleOrigins());
        } else if (StackConfig.SERVICES.contains(part)) {
            env.put("SERVER_PORT", String.valueOf(config.port(part)));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("MANAGEMENT_PORT", String.valueOf(config.managementPort(part)));
            env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            env.put("KAFKA_BOOTSTRAP_SERVERS", url(StackConfig.KAFKA));
            env.put("MONGODB_URI", url(StackConfig.MONGO));
            env.put("JWT_ISSUER_URI", url(StackConfig.ISSUER));
            env.put("JWT_JWK_SET_URI", url(StackConfig.ISSUER) + "/oauth2/jwks");
            env.put("PEERSUPPORT_DATA_DIR", dataDir(part).toString());
            env.put("PEERSUPPORT_DEMO_ENABLED", "true");
            // The console's pages call every service from the browser with the signed-in person's token.
            env.put("PEERSUPPORT_WEB_ALLOWED_ORIGINS", consoleOrigins());
            // Notification's email goes to the local SMTP server; its offer links point at this matching.
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(config.port(StackConfig.MAIL_SMTP)));
            env.put("NOTIFICATION_CONSOLE_URL", url("console"));
            env.put("NOTIFICATION_OFFER_LINK_URL", url("matching") + "/offer-links");
            for (String p : StackConfig.PARTS) {
                env.put("PEERSUPPORT_URL_" + p.toUpperCase(Locale.ROOT).replace('-', '_'), url(p));
            }
            // Where the console asks each part for its health.
            for (String p : StackConfig.PARTS) {
                if (p.equals(StackConfig.ISSUER) || StackConfig.SERVICES.contains(p)) {
                    env.put("PEERSUPPORT_MANAGEMENT_URL_" + p.toUpperCase(Locale.ROOT), managementUrl(p));
                }
            }
        }
        env.putAll(config.extraEnv(part));
        return env;
    }

    // ---------------------------------------------------------------- processes

    private void startAndAwait(List<String> parts, Instant deadline) {
        if (parts.isEmpty()) {
            return;
        }
        Map<String, ProcessHandle> started = new LinkedHashMap<>();
        for (String part : parts) {
            Optional<ProcessHandle> running = pids.live(part);
            if (running.isPresent()) {
                started.put(part, running.get());
            } else {
                started.put(part, launch(part));
            }
        }
        awaitHealthy(started, deadline);
    }

    private ProcessHandle launch(String part) {
        int port = config.port(part);
        if (tcpOpen(port)) {
            throw new IllegalStateException(part + ": port " + port + " is already in use by another process"
                    + " (set " + StackConfig.envName(part) + " to use another port)");
        }
        if (part.equals(StackConfig.MAIL) && tcpOpen(config.port(StackConfig.MAIL_SMTP))) {
            throw new IllegalStateException("mail: SMTP port " + config.port(StackConfig.MAIL_SMTP)
                    + " is already in use by another process (set " + StackConfig.envName(StackConfig.MAIL_SMTP)
                    + " to use another port)");
        }
        if (part.equals(StackConfig.KAFKA) && tcpOpen(config.port(StackConfig.KAFKA_CONTROLLER))) {
            throw new IllegalStateException("kafka: controller port " + config.port(StackConfig.KAFKA_CONTROLLER)
                    + " is already in use by another process (set "
                    + StackConfig.envName(StackConfig.KAFKA_CONTROLLER) + " to use another port)");
        }
        try {
            Path log = logFile(part);
            Files.createDirectories(log.getParent());
            Files.createDirectories(dataDir(part));
            Files.writeString(log, "---- " + Instant.now().atOffset(ZoneOffset.UTC) + " starting " + part + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // own session: a Ctrl-C or a closed terminal does not reach the part
            }
            cmd.addAll(command(part));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(config.projectRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(environment(part));
            Process process = pb.start();
            pids.write(part, process.pid());
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + part, e);
        }
    }

    private void awaitHealthy(Map<String, ProcessHandle> parts, Instant deadline) {
        Set<String> waiting = new LinkedHashSet<>(parts.keySet());
        while (true) {
            List<String> dead = new ArrayList<>();
            Map<String, CompletableFuture<Boolean>> checks = new LinkedHashMap<>();
            for (String part : waiting) {
                if (!parts.get(part).isAlive()) {
                    dead.add(part);
                } else {
                    checks.put(part, CompletableFuture.supplyAsync(() -> isHealthy(part), CHECKS));
                }
            }
            checks.forEach((part, f) -> {
                if (f.join()) {
                    waiting.remove(part);
                }
            });
            if (!dead.isEmpty()) {
                dead.forEach(pids::remove);
                throw new IllegalStateException("exited before it was healthy: " + describe(dead));
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not healthy after " + config.startTimeout().toSeconds() + " s: "
                        + describe(List.copyOf(waiting)));
            }
            pause(POLL);
        }
    }

    private String describe(List<String> parts) {
        StringBuilder sb = new StringBuilder(String.join(", ", parts));
        for (String part : parts) {
            sb.append("\n  ").append(part).append(": see ").append(logFile(part));
            tail(logFile(part), 15).forEach(line -> sb.append("\n    | ")
                    .append(line.length() > 300 ? line.substring(0, 300) + " ..." : line));
        }
        return sb.toString();
    }

    static List<String> tail(Path file, int lines) {
        Deque<String> last = new ArrayDeque<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(last);
    }

    private void stopGroup(List<String> parts) {
        Map<String, ProcessHandle> live = new LinkedHashMap<>();
        for (String part : parts) {
            pids.live(part).ifPresent(h -> live.put(part, h));
        }
        live.values().forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (Map.Entry<String, ProcessHandle> e : live.entrySet()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (!awaitExit(e.getValue(), left.isNegative() ? Duration.ZERO : left)) {
                e.getValue().destroyForcibly();
                awaitExit(e.getValue(), Duration.ofSeconds(10));
            }
            pids.remove(e.getKey());
        }
    }

    private static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !h.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    private String statusOf(String part) {
        if (pids.live(part).isEmpty()) {
            return STOPPED;
        }
        return isHealthy(part) ? HEALTHY : RUNNING_NOT_HEALTHY;
    }

    // ---------------------------------------------------------------- health checks

    static boolean tcpOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean kafkaHealthy() {
        if (!tcpOpen(config.port(StackConfig.KAFKA))) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, url(StackConfig.KAFKA));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "peer-stack-health");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000)).nodes()
                    .get(5, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** A service is healthy when ready (readiness group, on its management port); the issuer has no groups. */
    private boolean httpHealthy(String part) {
        String path = StackConfig.SERVICES.contains(part) ? "/actuator/health/readiness" : "/actuator/health";
        return answersUp(URI.create(managementUrl(part) + path));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // a poll interval of the launcher, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack", e);
        }
    }

    // ---------------------------------------------------------------- command line

    /** {@code up | down | status | logs PART | urls}; the project root is {@code -Dpeersupport.root} or the working folder. */
    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("peersupport.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackConfig.defaults(root));
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "up" -> {
                    List<String> parts = args.length > 1 ? List.of(args).subList(1, args.length) : StackConfig.PARTS;
                    System.out.println("Starting " + String.join(", ", parts) + " (state in " + stack.config.stateDir()
                            + ", timeout " + stack.config.startTimeout().toSeconds() + " s) ...");
                    long t0 = System.nanoTime();
                    stack.up(parts);
                    System.out.printf(Locale.ROOT, "All healthy in %.1f s.%n%n", (System.nanoTime() - t0) / 1e9);
                    printUrls(stack);
                    System.out.println();
                    System.out.println("Get a token:  ./peer token lakeside-staff-1");
                    System.out.println("Logs:         ./peer logs intake      Stop:  ./peer down");
                }
                case "down" -> {
                    stack.down();
                    System.out.println("Stopped.");
                }
                case "status" -> {
                    Map<String, String> status = stack.status();
                    status.forEach((part, s) -> System.out.printf(Locale.ROOT, "%-13s %-22s %s%n", part, s,
                            stack.url(part)));
                    if (status.values().stream().anyMatch(s -> !s.equals(HEALTHY))) {
                        System.exit(3);
                    }
                }
                case "logs" -> {
                    if (args.length < 2) {
                        throw new IllegalArgumentException("usage: logs PART");
                    }
                    Path log = stack.logFile(args[1]);
                    tail(log, args.length > 2 ? Integer.parseInt(args[2]) : 100).forEach(System.out::println);
                }
                case "urls" -> printUrls(stack);
                default -> {
                    System.out.println("usage: LocalStack up [PART...] | down | status | logs PART [N] | urls");
                    if (!command.equals("help")) {
                        System.exit(2);
                    }
                }
            }
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void printUrls(LocalStack stack) {
        System.out.printf(Locale.ROOT, "%-13s %s%n", "console", stack.url("console"));
        for (String s : StackConfig.SERVICES) {
            if (!s.equals("console")) {
                System.out.printf(Locale.ROOT, "%-13s %s%n", s, stack.url(s));
            }
        }
        System.out.printf(Locale.ROOT, "%-13s %s  (JWKS %s/oauth2/jwks, principals %s/demo/principals)%n",
                "issuer", stack.url("issuer"), stack.url("issuer"), stack.url("issuer"));
        System.out.printf(Locale.ROOT, "%-13s %s%n", "kafka", stack.url("kafka"));
        System.out.printf(Locale.ROOT, "%-13s %s%n", "mongodb", stack.url("mongo"));
        System.out.printf(Locale.ROOT, "%-13s %s  (the emails sent; SMTP 127.0.0.1:%d)%n", "mail", stack.url("mail"),
                stack.config.port(StackConfig.MAIL_SMTP));
    }

    private static String projectVersion() {
        Properties version = new Properties();
        try (InputStream in = LocalStack.class.getResourceAsStream("/peer-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("peer-version.properties is missing: build infra/stack with Maven");
            }
            version.load(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return version.getProperty("version");
    }
}
