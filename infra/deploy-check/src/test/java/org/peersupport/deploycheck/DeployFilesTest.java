package org.peersupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the deployment files in infra/deploy against each other and against the services' own configuration.
 * Nothing here can start a container (there is no Docker engine on the development machines), so this is the
 * safety net: a port, a name or a label changed in one place only fails the build, with a message naming the
 * file and the service.
 */
class DeployFilesTest {

    /** The six services, with the short name that is also their default MongoDB database. */
    private static final Map<String, String> SERVICES = orderedMap(
            "console-service", "console",
            "intake-service", "intake",
            "matching-service", "matching",
            "followup-service", "followup",
            "notification-service", "notification",
            "training-service", "training");

    /**
     * The documented default ports, used only for a service whose application.yaml does not exist yet (its
     * module is still being written). Once the file exists, the port is read from it and this table is ignored.
     */
    private static final Map<String, Integer> DOCUMENTED_PORTS = Map.of(
            "console-service", 8080,
            "intake-service", 8081,
            "matching-service", 8082,
            "followup-service", 8083,
            "notification-service", 8084,
            "training-service", 8085,
            "issuer", 9000);

    /** Every variable each of the six services reads (from the platform's peersupport-defaults.yaml). */
    private static final List<String> SERVICE_ENV = List.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS",
            "KAFKA_REPLICATION_FACTOR", "KAFKA_PARTITIONS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "MONGODB_URI", "JWT_ISSUER_URI", "JWT_JWK_SET_URI", "PEERSUPPORT_DATA_DIR",
            "LOG_FORMAT");

    /** The Kafka principal of a service, as kafka-acls.sh grants to it and its JAAS line names it. */
    private static final String PRINCIPAL_PREFIX = "peersupport-";
    private static final Pattern JAAS_USERNAME = Pattern.compile("username=\"([^\"]*)\"");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    /** A compose variable that must be set: ${NAME:?message}. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

    /**
     * A service's management port (health, probes, metrics) is its port plus this: the platform's default
     * (peersupport-defaults.yaml, ManagementPortDefault), which every deployment sets as MANAGEMENT_PORT.
     */
    private static final int MANAGEMENT_OFFSET = 1000;

    private static final Pattern SERVER_PORT_PLACEHOLDER = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
    private static final Pattern URL_PORT = Pattern.compile("https?://([^/:\\s\"']+):(\\d+)");
    private static final String NAMESPACE = "peersupport";

    private static Path root;
    private static Path deploy;
    private static Path k8sDir;
    /** Port of each service (and the issuer), and where it was learnt, for the messages. */
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final Map<String, String> PORT_SOURCE = new LinkedHashMap<>();

    private static Map<String, Object> compose;
    private static Map<String, Object> composeServices;
    private static final List<K8sDoc> K8S = new ArrayList<>();

    record K8sDoc(String file, Map<String, Object> body) {

        String kind() {
            return str(body.get("kind"));
        }

        String name() {
            return str(map(body.get("metadata")).get("name"));
        }

        String where() {
            return "k8s/" + file + ": " + kind() + " " + name();
        }
    }

    @BeforeAll
    static void load() throws IOException {
        root = Path.of(System.getProperty("peersupport.repo-root", "../..")).toAbsolutePath().normalize();
        deploy = root.resolve("infra/deploy");
        k8sDir = deploy.resolve("k8s");
        assertThat(deploy).as("infra/deploy must exist under %s", root).isDirectory();

        for (String service : SERVICES.keySet()) {
            learnPort(service, root.resolve(service).resolve("src/main/resources"));
        }
        learnIssuerPort();

        compose = single(deploy.resolve("compose.yaml"));
        composeServices = map(compose.get("services"));
        try (Stream<Path> files = Files.list(k8sDir)) {
            for (Path file : files.filter(DeployFilesTest::isYaml).sorted().toList()) {
                for (Map<String, Object> doc : loadAll(file)) {
                    K8S.add(new K8sDoc(file.getFileName().toString(), doc));
                }
            }
        }
    }

    private static void learnPort(String service, Path resources) {
        Path yaml = Stream.of("application.yaml", "application.yml").map(resources::resolve).filter(Files::exists)
                .findFirst().orElse(null);
        if (yaml == null) {
            // The module has no application.yaml yet: fall back to the documented port and say so.
            PORTS.put(service, DOCUMENTED_PORTS.get(service));
            PORT_SOURCE.put(service, "documented default (" + root.relativize(resources)
                    + "/application.yaml does not exist yet)");
            System.out.println("deploy-check: " + service + ": no application.yaml yet, using the documented port "
                    + DOCUMENTED_PORTS.get(service));
            return;
        }
        String where = root.relativize(yaml).toString();
        Map<String, Object> config = loadAll(yaml).get(0);
        Object port = map(config.get("server")).get("port");
        assertThat(port).as("%s: server.port is not set, so the deployment files cannot be checked against it", where)
                .isNotNull();
        Matcher m = SERVER_PORT_PLACEHOLDER.matcher(str(port));
        assertThat(m.matches()).as("%s: server.port must be ${SERVER_PORT:<default>} (the deployments set SERVER_PORT), "
                + "but is %s", where, port).isTrue();
        PORTS.put(service, Integer.parseInt(m.group(1)));
        PORT_SOURCE.put(service, where);
    }

    private static void learnIssuerPort() throws IOException {
        Path file = root.resolve("infra/issuer/src/main/resources/application.properties");
        if (!Files.exists(file)) {
            PORTS.put("issuer", DOCUMENTED_PORTS.get("issuer"));
            PORT_SOURCE.put("issuer", "documented default (" + root.relativize(file) + " does not exist)");
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Matcher m = SERVER_PORT_PLACEHOLDER.matcher(String.valueOf(properties.getProperty("server.port")));
        assertThat(m.matches()).as("%s: server.port must be ${SERVER_PORT:<default>}", root.relativize(file)).isTrue();
        PORTS.put("issuer", Integer.parseInt(m.group(1)));
        PORT_SOURCE.put("issuer", root.relativize(file).toString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every YAML file

    @TestFactory
    Stream<DynamicTest> everyYamlFileUnderInfraDeployParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(deploy)) {
            files = walk.filter(DeployFilesTest::isYaml).sorted().toList();
        }
        assertThat(files).as("YAML files under infra/deploy").isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(deploy.relativize(file).toString(), () -> {
            List<Map<String, Object>> docs = loadAll(file);
            assertThat(docs).as("%s: no YAML documents", deploy.relativize(file)).isNotEmpty();
        }));
    }

    // ---------------------------------------------------------------------------------------------------------
    // compose.yaml

    @Test
    void composeRunsTheSixServicesTheIssuerKafkaAndAMongoReplicaSet() {
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES.keySet()) {
            soft.assertThat(composeServices).as("compose.yaml: services").containsKey(service);
        }
        soft.assertThat(composeServices).as("compose.yaml: services (the dev issuer)").containsKey("issuer");

        Map<String, Map<String, Object>> kafka = kafkaNodes();
        soft.assertThat(kafka).as("compose.yaml: Kafka nodes").isNotEmpty();
        int replication = SERVICES.keySet().stream().filter(composeServices::containsKey)
                .map(s -> composeEnv(s).get("KAFKA_REPLICATION_FACTOR")).filter(Objects::nonNull)
                .mapToInt(Integer::parseInt).max().orElse(1);
        soft.assertThat(kafka.size()).as("compose.yaml: KAFKA_REPLICATION_FACTOR is %d, so at least that many Kafka "
                + "brokers are needed", replication).isGreaterThanOrEqualTo(replication);
        Set<String> nodeIds = new TreeSet<>();
        Set<String> clusterIds = new TreeSet<>();
        for (var node : kafka.entrySet()) {
            String where = "compose.yaml: " + node.getKey();
            Map<String, String> env = env(node.getValue().get("environment"));
            soft.assertThat(node.getValue().get("image")).as("%s: image", where).isEqualTo("apache/kafka:4.1.2");
            soft.assertThat(env.get("KAFKA_PROCESS_ROLES")).as("%s: KRaft roles", where).contains("broker")
                    .contains("controller");
            soft.assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as("%s: advertised listener must be its own name",
                    where).contains("//" + node.getKey() + ":");
            soft.assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as("%s: quorum voters", where)
                    .contains(env.get("KAFKA_NODE_ID") + "@" + node.getKey() + ":");
            soft.assertThat(nodeIds.add(String.valueOf(env.get("KAFKA_NODE_ID")))).as("%s: KAFKA_NODE_ID %s is not "
                    + "unique", where, env.get("KAFKA_NODE_ID")).isTrue();
            clusterIds.add(String.valueOf(env.get("CLUSTER_ID")));
            soft.assertThat(node.getValue().get("healthcheck")).as("%s: healthcheck", where).isNotNull();
        }
        soft.assertThat(clusterIds).as("compose.yaml: all Kafka nodes must share one CLUSTER_ID").hasSize(1);

        Map<String, Map<String, Object>> mongo = composeServicesWithImage("mongo:");
        Map<String, String> replSets = new LinkedHashMap<>();
        Map<String, Object> init = null;
        String initName = null;
        for (var m : mongo.entrySet()) {
            List<String> command = list(m.getValue().get("command")).stream().map(DeployFilesTest::str).toList();
            int flag = command.indexOf("--replSet");
            if (flag >= 0 && flag + 1 < command.size()) {
                replSets.put(m.getKey(), command.get(flag + 1));
            } else if (String.join(" ", command).contains("rs.initiate")) {
                init = m.getValue();
                initName = m.getKey();
            }
        }
        soft.assertThat(replSets).as("compose.yaml: mongod members started with --replSet").hasSizeGreaterThanOrEqualTo(3);
        soft.assertThat(new TreeSet<>(replSets.values())).as("compose.yaml: members of one replica set").hasSize(1);
        soft.assertThat(init).as("compose.yaml: a one-shot service running rs.initiate").isNotNull();
        if (init != null) {
            String script = String.join(" ", list(init.get("command")).stream().map(DeployFilesTest::str).toList());
            for (String member : replSets.keySet()) {
                soft.assertThat(script).as("compose.yaml: %s must initiate member %s", initName, member)
                        .contains(member + ":27017");
            }
            soft.assertThat(script).as("compose.yaml: %s: replica set name", initName)
                    .contains("\"" + replSets.values().stream().findFirst().orElse("rs0") + "\"");
            soft.assertThat(str(init.get("restart"))).as("compose.yaml: %s is one-shot", initName).isEqualTo("no");
        }
        soft.assertAll();
    }

    @Test
    void composeServicesUseTheirOwnPortEverywhere() {
        SoftAssertions soft = new SoftAssertions();
        List<String> names = new ArrayList<>(SERVICES.keySet());
        names.add("issuer");
        for (String service : names) {
            Map<String, Object> svc = map(composeServices.get(service));
            if (svc.isEmpty()) {
                continue; // reported by composeRunsTheSixServices...
            }
            int port = PORTS.get(service);
            String where = "compose.yaml: " + service + " (port " + port + " from " + PORT_SOURCE.get(service) + ")";
            String image = service.equals("issuer") ? "peersupport/issuer:0.1.0" : "peersupport/" + service + ":0.1.0";
            soft.assertThat(svc.get("image")).as("%s: image", where).isEqualTo(image);

            List<Integer> containerPorts = list(svc.get("ports")).stream().map(DeployFilesTest::containerPort).toList();
            soft.assertThat(containerPorts).as("%s: container side of ports:", where).isNotEmpty().containsOnly(port);
            soft.assertThat(composeEnv(service).get("SERVER_PORT")).as("%s: environment SERVER_PORT", where)
                    .isEqualTo(String.valueOf(port));

            List<String> test = list(map(svc.get("healthcheck")).get("test")).stream().map(DeployFilesTest::str).toList();
            String check = String.join(" ", test);
            soft.assertThat(check).as("%s: healthcheck must call the actuator", where).contains("/actuator/health");
            List<Integer> checkPorts = urlPorts(check);
            // A service answers health only on its management port; the issuer has none.
            int healthPort = service.equals("issuer") ? port : managementPort(service);
            soft.assertThat(checkPorts).as("%s: port in the healthcheck URL (%s): the management port", where, check)
                    .isNotEmpty().containsOnly(healthPort);
            if (!service.equals("issuer")) {
                soft.assertThat(composeEnv(service).get("MANAGEMENT_PORT")).as("%s: environment MANAGEMENT_PORT",
                        where).isEqualTo(String.valueOf(healthPort));
            }

            Map<String, Object> args = map(map(svc.get("build")).get("args"));
            soft.assertThat(str(args.get("PORT"))).as("%s: build.args.PORT (baked into the image)", where)
                    .isEqualTo(String.valueOf(port));
            String module = service.equals("issuer") ? "infra/issuer" : service;
            soft.assertThat(str(args.get("MODULE"))).as("%s: build.args.MODULE", where).isEqualTo(module);
            soft.assertThat(svc.get("restart")).as("%s: restart policy", where).isNotNull();
        }
        soft.assertAll();
    }

    @Test
    void composeServicesGetTheirEnvironmentAndDependencies() {
        SoftAssertions soft = new SoftAssertions();
        Set<String> kafkaNodes = kafkaNodes().keySet();
        Set<String> mongoServices = composeServicesWithImage("mongo:").keySet();
        Set<String> namedVolumes = map(compose.get("volumes")).keySet();
        for (var entry : SERVICES.entrySet()) {
            String service = entry.getKey();
            Map<String, Object> svc = map(composeServices.get(service));
            if (svc.isEmpty()) {
                continue;
            }
            String where = "compose.yaml: " + service;
            Map<String, String> env = composeEnv(service);
            for (String name : SERVICE_ENV) {
                soft.assertThat(env).as("%s: environment", where).containsKey(name);
            }
            soft.assertThat(env.get("MONGODB_DATABASE")).as("%s: MONGODB_DATABASE", where).isIn(null, entry.getValue());

            String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
            for (String server : bootstrap.split(",")) {
                soft.assertThat(server.split(":")[0]).as("%s: KAFKA_BOOTSTRAP_SERVERS %s names a Kafka service", where,
                        server).isIn(kafkaNodes);
            }
            String mongoUri = env.getOrDefault("MONGODB_URI", "");
            for (String host : mongoHosts(mongoUri)) {
                soft.assertThat(host).as("%s: MONGODB_URI host", where).isIn(mongoServices);
            }
            soft.assertThat(mongoUri).as("%s: MONGODB_URI must name the replica set", where).contains("replicaSet=rs0");

            Map<String, Object> dependsOn = map(svc.get("depends_on"));
            for (var dep : dependsOn.entrySet()) {
                soft.assertThat(composeServices).as("%s: depends_on %s", where, dep.getKey()).containsKey(dep.getKey());
                soft.assertThat(map(dep.getValue()).get("condition")).as("%s: depends_on %s has a condition", where,
                        dep.getKey()).isNotNull();
            }
            for (String node : kafkaNodes) {
                soft.assertThat(map(dependsOn.get(node)).get("condition")).as("%s: depends_on %s", where, node)
                        .isEqualTo("service_healthy");
            }
            soft.assertThat(dependsOn.values().stream().map(v -> map(v).get("condition")))
                    .as("%s: must wait for the replica set initiation", where)
                    .contains("service_completed_successfully");

            String dataDir = env.get("PEERSUPPORT_DATA_DIR");
            boolean dataOnNamedVolume = list(svc.get("volumes")).stream().map(DeployFilesTest::str)
                    .anyMatch(v -> v.endsWith(":" + dataDir) && namedVolumes.contains(v.split(":")[0]));
            if (service.equals("intake-service")) {
                soft.assertThat(dataOnNamedVolume).as("%s: PEERSUPPORT_DATA_DIR %s (the keysets) must be a named volume",
                        where, dataDir).isTrue();
            }
        }

        Map<String, String> console = composeEnv("console-service");
        for (String target : SERVICES.keySet()) {
            if (target.equals("console-service")) {
                continue;
            }
            String variable = "PEERSUPPORT_MANAGEMENT_URL_" + SERVICES.get(target).toUpperCase();
            String url = console.get(variable);
            soft.assertThat(url).as("compose.yaml: console-service: %s", variable).isNotNull();
            if (url != null) {
                URI uri = URI.create(url);
                soft.assertThat(uri.getHost()).as("compose.yaml: console-service: %s host", variable).isEqualTo(target);
                soft.assertThat(uri.getPort()).as("compose.yaml: console-service: %s must be %s's management port",
                        variable, target).isEqualTo(managementPort(target));
            }
        }
        soft.assertAll();
    }

    @Test
    void composeNeverFallsBackToTheDevIssuer() {
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES.keySet()) {
            Map<String, String> env = composeEnv(service);
            for (String name : List.of("JWT_ISSUER_URI", "JWT_JWK_SET_URI")) {
                Matcher required = REQUIRED_VARIABLE.matcher(String.valueOf(env.get(name)));
                soft.assertThat(required.matches() && required.group(1).equals(name))
                        .as("compose.yaml: %s: %s must be ${%s:?message} (required, no default), not %s", service,
                                name, name, env.get(name)).isTrue();
            }
        }
        soft.assertAll();
    }

    @Test
    void composeKafkaAuthenticatesEveryClientAndAuthorizesByAcl() {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Map<String, Object>> nodes = kafkaNodes();
        for (var node : nodes.entrySet()) {
            String where = "compose.yaml: " + node.getKey();
            Map<String, String> env = env(node.getValue().get("environment"));
            for (String entry : env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",")) {
                soft.assertThat(entry).as("%s: every listener must authenticate (SASL_*), but %s", where, entry)
                        .matches("[A-Z_]+:SASL_(PLAINTEXT|SSL)");
            }
            soft.assertThat(env.get("KAFKA_AUTHORIZER_CLASS_NAME")).as("%s: an authorizer", where)
                    .endsWith("StandardAuthorizer");
            soft.assertThat(env.getOrDefault("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false"))
                    .as("%s: allow.everyone.if.no.acl.found", where).isEqualTo("false");
            soft.assertThat(env.getOrDefault("KAFKA_SUPER_USERS", "")).as("%s: no service is a super user", where)
                    .doesNotContain("User:" + PRINCIPAL_PREFIX);
        }

        Map.Entry<String, Map<String, Object>> init = kafkaInit();
        soft.assertThat(init.getValue()).as("compose.yaml: a one-shot service running kafka-acls.sh").isNotEmpty();
        Map<String, String> initEnv = env(init.getValue().get("environment"));
        soft.assertThat(str(init.getValue().get("restart"))).as("compose.yaml: %s is one-shot", init.getKey())
                .isEqualTo("no");
        soft.assertThat(list(init.getValue().get("volumes")).stream().map(DeployFilesTest::str))
                .as("compose.yaml: %s mounts kafka-acls.sh", init.getKey()).anyMatch(v -> v.startsWith("./kafka-acls.sh:"));

        Set<String> passwords = new TreeSet<>();
        for (var entry : SERVICES.entrySet()) {
            String service = entry.getKey();
            String where = "compose.yaml: " + service;
            Map<String, String> env = composeEnv(service);
            String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "");
            String mechanism = env.getOrDefault("KAFKA_SASL_MECHANISM", "");
            soft.assertThat(protocol).as("%s: KAFKA_SECURITY_PROTOCOL", where).startsWith("SASL_");
            String jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", "");
            Matcher user = JAAS_USERNAME.matcher(jaas);
            soft.assertThat(user.find() ? user.group(1) : null).as("%s: KAFKA_SASL_JAAS_CONFIG username (the principal "
                    + "kafka-acls.sh grants to)", where).isEqualTo(PRINCIPAL_PREFIX + entry.getValue());
            Matcher password = JAAS_PASSWORD.matcher(jaas);
            Matcher required = REQUIRED_VARIABLE.matcher(password.find() ? password.group(1) : "");
            soft.assertThat(required.matches()).as("%s: the Kafka password must be a required variable ${NAME:?...}",
                    where).isTrue();
            if (required.matches()) {
                String variable = required.group(1);
                soft.assertThat(passwords.add(variable)).as("%s: Kafka password %s shared with another service",
                        where, variable).isTrue();
                soft.assertThat(initEnv.get(variable)).as("compose.yaml: %s must create %s's user from %s",
                        init.getKey(), service, variable).isEqualTo(password.group(1));
            }
            soft.assertThat(map(map(map(composeServices.get(service)).get("depends_on")).get(init.getKey()))
                    .get("condition")).as("%s: depends_on %s (its user and ACLs exist first)", where, init.getKey())
                    .isEqualTo("service_completed_successfully");

            // The listener the service reaches must take its protocol and mechanism.
            for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
                String[] hostPort = server.split(":");
                Map<String, String> node = env(map(nodes.get(hostPort[0])).get("environment"));
                if (node.isEmpty() || hostPort.length < 2) {
                    continue; // reported by composeServicesGetTheirEnvironmentAndDependencies
                }
                String listener = Stream.of(node.getOrDefault("KAFKA_LISTENERS", "").split(","))
                        .filter(l -> l.endsWith(":" + hostPort[1])).map(l -> l.substring(0, l.indexOf(':')))
                        .findFirst().orElse(null);
                soft.assertThat(listener).as("%s: %s has no listener on port %s", where, hostPort[0], hostPort[1])
                        .isNotNull();
                if (listener != null) {
                    soft.assertThat(node.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", ""))
                            .as("%s: listener %s of %s must be %s", where, listener, hostPort[0], protocol)
                            .contains(listener + ":" + protocol);
                    soft.assertThat(node.getOrDefault("KAFKA_LISTENER_NAME_" + listener + "_SASL_ENABLED_MECHANISMS", ""))
                            .as("%s: listener %s of %s must enable %s", where, listener, hostPort[0], mechanism)
                            .contains(mechanism);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void kafkaAclsGrantEachServiceOnlyItsOwnTopicDeadLettersReadsAndGroup() throws IOException {
        List<Acl> table = aclTable();
        SoftAssertions soft = new SoftAssertions();
        Set<String> principals = new TreeSet<>(SERVICES.values());
        for (Acl acl : table) {
            soft.assertThat(principals).as("kafka-acls.sh: '%s' names no service", acl).contains(acl.service());
            soft.assertThat(acl.name()).as("kafka-acls.sh: '%s': literal names only", acl).doesNotContain("*");
        }
        for (var entry : SERVICES.entrySet()) {
            String shortName = entry.getValue();
            Set<String> expected = new TreeSet<>();
            for (String topic : org.peersupport.events.Topics.ALL) {
                if (org.peersupport.events.Topics.owner(topic).equals(shortName)) {
                    expected.add(new Acl(shortName, "Write", "topic", topic).toString());
                }
            }
            for (Consumer consumer : consumersOf(entry.getKey())) {
                String where = entry.getKey() + "/src/main/resources/application.yaml";
                soft.assertThat(consumer.group()).as("%s: a consumer binding without a group", where).isNotNull();
                soft.assertThat(consumer.deadLetterTopic()).as("%s: dlq-name of group %s", where, consumer.group())
                        .isEqualTo(org.peersupport.events.Topics.deadLetter(String.valueOf(consumer.group())));
                consumer.destinations().forEach(d -> expected.add(new Acl(shortName, "Read", "topic", d).toString()));
                expected.add(new Acl(shortName, "Read", "group", consumer.group()).toString());
                expected.add(new Acl(shortName, "Write", "topic", consumer.deadLetterTopic()).toString());
            }
            List<String> granted = table.stream().filter(a -> a.service().equals(shortName)).map(Acl::toString).toList();
            soft.assertThat(granted).as("kafka-acls.sh: the grants of %s: exactly its own topic, its dead-letter "
                    + "topic, the topics it consumes and its group", entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Kubernetes

    @Test
    void k8sServicesAuthenticateToKafkaAsTheirOwnPrincipalOverTls() {
        SoftAssertions soft = new SoftAssertions();
        K8sDoc configMap = find("ConfigMap", "peersupport-config");
        Map<String, String> shared = configMap == null ? Map.of() : env(configMap.body().get("data"));
        soft.assertThat(shared.get("KAFKA_SECURITY_PROTOCOL")).as("k8s/configmap.yaml: KAFKA_SECURITY_PROTOCOL "
                + "(authenticated and encrypted beyond one host)").isEqualTo("SASL_SSL");
        soft.assertThat(shared.get("KAFKA_SASL_MECHANISM")).as("k8s/configmap.yaml: KAFKA_SASL_MECHANISM").isNotBlank();
        for (var entry : SERVICES.entrySet()) {
            K8sDoc deployment = find("Deployment", entry.getKey());
            if (deployment == null) {
                continue;
            }
            Map<String, Object> jaas = maps(container(deployment, entry.getKey()).get("env")).stream()
                    .filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name"))).findFirst().orElse(Map.of());
            Map<String, Object> ref = map(map(jaas.get("valueFrom")).get("secretKeyRef"));
            soft.assertThat(ref).as("%s: KAFKA_SASL_JAAS_CONFIG must come from a Secret", deployment.where())
                    .isNotEmpty();
            String example = K8S.stream().filter(d -> d.file().endsWith(".example.yaml") && "Secret".equals(d.kind())
                            && Objects.equals(d.name(), str(ref.get("name"))))
                    .map(d -> str(map(d.body().get("stringData")).get(str(ref.get("key"))))).filter(Objects::nonNull)
                    .findFirst().orElse("");
            Matcher user = JAAS_USERNAME.matcher(example);
            soft.assertThat(user.find() ? user.group(1) : null).as("%s: the example JAAS line of %s/%s must name the "
                            + "principal kafka-acls.sh grants to", deployment.where(), ref.get("name"), ref.get("key"))
                    .isEqualTo(PRINCIPAL_PREFIX + entry.getValue());
        }
        soft.assertAll();
    }

    @Test
    void k8sManifestsAreWellFormedAndInTheNamespace() {
        SoftAssertions soft = new SoftAssertions();
        for (K8sDoc doc : K8S) {
            if (doc.file().equals("kustomization.yaml")) {
                continue;
            }
            String where = "k8s/" + doc.file();
            soft.assertThat(doc.body().get("apiVersion")).as("%s: apiVersion", where).isNotNull();
            soft.assertThat(doc.body().get("kind")).as("%s: kind", where).isNotNull();
            soft.assertThat(doc.name()).as("%s: metadata.name", where).isNotBlank();
            if (!"Namespace".equals(doc.kind())) {
                soft.assertThat(map(doc.body().get("metadata")).get("namespace")).as("%s: metadata.namespace", doc.where())
                        .isEqualTo(NAMESPACE);
            }
        }
        soft.assertThat(find("Namespace", NAMESPACE)).as("k8s: Namespace %s", NAMESPACE).isNotNull();
        soft.assertAll();
    }

    @Test
    void everyServiceHasADeploymentServiceAndBudgetOnItsOwnPort() {
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES.keySet()) {
            int port = PORTS.get(service);
            String source = " (port " + port + " from " + PORT_SOURCE.get(service) + ")";
            K8sDoc deployment = find("Deployment", service);
            K8sDoc svc = find("Service", service);
            K8sDoc pdb = find("PodDisruptionBudget", service);
            soft.assertThat(deployment).as("k8s: Deployment %s", service).isNotNull();
            soft.assertThat(svc).as("k8s: Service %s", service).isNotNull();
            soft.assertThat(pdb).as("k8s: PodDisruptionBudget %s", service).isNotNull();
            if (deployment == null) {
                continue;
            }
            String where = deployment.where() + source;
            Map<String, Object> spec = map(deployment.body().get("spec"));
            Map<String, Object> template = map(spec.get("template"));
            Map<String, Object> podLabels = map(map(template.get("metadata")).get("labels"));
            Map<String, Object> podSpec = map(template.get("spec"));
            Map<String, Object> container = container(deployment, service);

            soft.assertThat(spec.get("replicas")).as("%s: replicas", where).isEqualTo(2);
            soft.assertThat(container.get("image")).as("%s: image", where).isEqualTo("peersupport/" + service + ":0.1.0");
            Map<String, Object> matchLabels = map(map(spec.get("selector")).get("matchLabels"));
            soft.assertThat(matchLabels).as("%s: spec.selector.matchLabels", where).isNotEmpty();
            soft.assertThat(podLabels).as("%s: pod template labels must contain spec.selector.matchLabels", where)
                    .containsAllEntriesOf(matchLabels);

            List<Map<String, Object>> ports = maps(container.get("ports"));
            int management = managementPort(service);
            soft.assertThat(ports.stream().map(p -> p.get("containerPort")).toList())
                    .as("%s: containerPorts: the service's and its management port", where)
                    .containsExactlyInAnyOrder(port, management);
            soft.assertThat(resolvePort("management", ports)).as("%s: a container port named management", where)
                    .isEqualTo(management);
            soft.assertThat(envValue(container, "SERVER_PORT")).as("%s: env SERVER_PORT", where)
                    .isEqualTo(String.valueOf(port));
            soft.assertThat(envValue(container, "MANAGEMENT_PORT")).as("%s: env MANAGEMENT_PORT", where)
                    .isEqualTo(String.valueOf(management));
            Object scrapePort = map(map(template.get("metadata")).get("annotations")).get("prometheus.io/port");
            if (scrapePort != null) {
                soft.assertThat(str(scrapePort)).as("%s: prometheus.io/port annotation: metrics are on the management "
                        + "port", where).isEqualTo(String.valueOf(management));
            }
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
                if (!probe.equals("startupProbe")) {
                    soft.assertThat(httpGet).as("%s: %s.httpGet", where, probe).isNotEmpty();
                }
                if (httpGet.isEmpty()) {
                    continue;
                }
                soft.assertThat(resolvePort(httpGet.get("port"), ports)).as("%s: %s port %s must be the management "
                        + "port", where, probe, httpGet.get("port")).isEqualTo(management);
                String expectedPath = probe.equals("readinessProbe") ? "/actuator/health/readiness"
                        : "/actuator/health/liveness";
                soft.assertThat(httpGet.get("path")).as("%s: %s path", where, probe).isEqualTo(expectedPath);
            }

            Map<String, Object> resources = map(container.get("resources"));
            for (String bound : List.of("requests", "limits")) {
                soft.assertThat(map(resources.get(bound))).as("%s: resources.%s", where, bound)
                        .containsKeys("cpu", "memory");
            }
            Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
            Map<String, Object> containerSecurity = map(container.get("securityContext"));
            soft.assertThat(Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))
                    || Boolean.TRUE.equals(containerSecurity.get("runAsNonRoot"))).as("%s: runAsNonRoot", where).isTrue();
            soft.assertThat(containerSecurity.get("readOnlyRootFilesystem")).as("%s: readOnlyRootFilesystem", where)
                    .isEqualTo(true);
            soft.assertThat(containerSecurity.get("allowPrivilegeEscalation")).as("%s: allowPrivilegeEscalation", where)
                    .isEqualTo(false);
            String tmpVolume = maps(container.get("volumeMounts")).stream().filter(m -> "/tmp".equals(m.get("mountPath")))
                    .map(m -> str(m.get("name"))).findFirst().orElse(null);
            soft.assertThat(tmpVolume).as("%s: /tmp must be mounted (the root filesystem is read-only)", where)
                    .isNotNull();
            soft.assertThat(volume(podSpec, tmpVolume)).as("%s: /tmp volume must be an emptyDir", where)
                    .containsKey("emptyDir");

            if (svc != null) {
                String svcWhere = svc.where() + source;
                Map<String, Object> svcSpec = map(svc.body().get("spec"));
                Map<String, Object> selector = map(svcSpec.get("selector"));
                soft.assertThat(selector).as("%s: selector", svcWhere).isNotEmpty();
                soft.assertThat(podLabels).as("%s: selector must match the Deployment's pod template labels", svcWhere)
                        .containsAllEntriesOf(selector);
                soft.assertThat(svcSpec.getOrDefault("type", "ClusterIP")).as("%s: type", svcWhere).isEqualTo("ClusterIP");
                List<Map<String, Object>> svcPorts = maps(svcSpec.get("ports"));
                soft.assertThat(svcPorts).as("%s: ports", svcWhere).hasSize(1);
                for (Map<String, Object> p : svcPorts) {
                    soft.assertThat(p.get("port")).as("%s: port", svcWhere).isEqualTo(port);
                    soft.assertThat(resolvePort(p.get("targetPort"), ports)).as("%s: targetPort %s", svcWhere,
                            p.get("targetPort")).isEqualTo(port);
                }
            }
            if (pdb != null) {
                Map<String, Object> selector = map(map(map(pdb.body().get("spec")).get("selector")).get("matchLabels"));
                soft.assertThat(selector).as("%s: selector.matchLabels", pdb.where()).isNotEmpty();
                soft.assertThat(podLabels).as("%s: selector must match the Deployment's pod template labels",
                        pdb.where()).containsAllEntriesOf(selector);
            }
        }
        soft.assertAll();
    }

    @Test
    void deploymentsGetTheirConfigurationFromTheConfigMapAndSecrets() {
        SoftAssertions soft = new SoftAssertions();
        K8sDoc configMap = find("ConfigMap", "peersupport-config");
        soft.assertThat(configMap).as("k8s: ConfigMap peersupport-config").isNotNull();
        Map<String, String> shared = configMap == null ? Map.of() : env(configMap.body().get("data"));
        soft.assertThat(shared.get("KAFKA_REPLICATION_FACTOR")).as("k8s/configmap.yaml: KAFKA_REPLICATION_FACTOR")
                .isEqualTo("3");
        Map<String, Set<String>> exampleSecrets = exampleSecretKeys();

        for (var entry : SERVICES.entrySet()) {
            String service = entry.getKey();
            K8sDoc deployment = find("Deployment", service);
            if (deployment == null) {
                continue;
            }
            String where = deployment.where();
            Map<String, Object> container = container(deployment, service);
            Set<String> names = new TreeSet<>();
            for (Map<String, Object> from : maps(container.get("envFrom"))) {
                String ref = str(map(from.get("configMapRef")).get("name"));
                if (ref != null) {
                    soft.assertThat(find("ConfigMap", ref)).as("%s: envFrom configMapRef %s exists", where, ref).isNotNull();
                    if ("peersupport-config".equals(ref)) {
                        names.addAll(shared.keySet());
                    }
                }
            }
            soft.assertThat(names).as("%s: envFrom must include ConfigMap peersupport-config", where).isNotEmpty();
            for (Map<String, Object> e : maps(container.get("env"))) {
                names.add(str(e.get("name")));
                Map<String, Object> secretRef = map(map(e.get("valueFrom")).get("secretKeyRef"));
                if (!secretRef.isEmpty()) {
                    String secret = str(secretRef.get("name"));
                    soft.assertThat(exampleSecrets).as("%s: env %s uses Secret %s, which secret.example.yaml must show",
                            where, e.get("name"), secret).containsKey(secret);
                    soft.assertThat(exampleSecrets.getOrDefault(secret, Set.of()))
                            .as("%s: env %s uses key %s of Secret %s, which secret.example.yaml must show", where,
                                    e.get("name"), secretRef.get("key"), secret)
                            .contains(str(secretRef.get("key")));
                }
            }
            for (String name : SERVICE_ENV) {
                soft.assertThat(names).as("%s: environment (env + envFrom)", where).contains(name);
            }
            Map<String, Object> mongoUri = maps(container.get("env")).stream()
                    .filter(e -> "MONGODB_URI".equals(e.get("name"))).findFirst().orElse(Map.of());
            soft.assertThat(map(map(mongoUri.get("valueFrom")).get("secretKeyRef")).get("name"))
                    .as("%s: MONGODB_URI must come from Secret peersupport-secrets", where).isEqualTo("peersupport-secrets");
            String database = envValue(container, "MONGODB_DATABASE");
            soft.assertThat(database).as("%s: MONGODB_DATABASE", where).isIn(null, entry.getValue());

            Map<String, Object> podSpec = map(map(map(deployment.body().get("spec")).get("template")).get("spec"));
            for (Map<String, Object> v : maps(podSpec.get("volumes"))) {
                String secret = str(map(v.get("secret")).get("secretName"));
                if (secret != null) {
                    soft.assertThat(exampleSecrets).as("%s: volume %s uses Secret %s, which secret.example.yaml must show",
                            where, v.get("name"), secret).containsKey(secret);
                }
            }
        }

        // intake keeps its keysets under PEERSUPPORT_DATA_DIR, mounted read-only from a Secret.
        K8sDoc intake = find("Deployment", "intake-service");
        if (intake != null) {
            Map<String, Object> container = container(intake, "intake-service");
            Map<String, Object> podSpec = map(map(map(intake.body().get("spec")).get("template")).get("spec"));
            String dataDir = Objects.requireNonNullElse(envValue(container, "PEERSUPPORT_DATA_DIR"),
                    shared.get("PEERSUPPORT_DATA_DIR"));
            soft.assertThat(dataDir).as("%s: PEERSUPPORT_DATA_DIR", intake.where()).isNotBlank();
            boolean keysFromSecret = maps(container.get("volumeMounts")).stream()
                    .filter(m -> dataDir != null && str(m.get("mountPath")).startsWith(dataDir))
                    .anyMatch(m -> volume(podSpec, str(m.get("name"))).containsKey("secret")
                            && Boolean.TRUE.equals(m.get("readOnly")));
            soft.assertThat(keysFromSecret).as("%s: the keysets under %s must be a read-only Secret volume",
                    intake.where(), dataDir).isTrue();
        }

        // The console's links to the other services.
        K8sDoc console = find("Deployment", "console-service");
        if (console != null) {
            Map<String, Object> container = container(console, "console-service");
            for (String target : SERVICES.keySet()) {
                if (target.equals("console-service")) {
                    continue;
                }
                String variable = "PEERSUPPORT_MANAGEMENT_URL_" + SERVICES.get(target).toUpperCase();
                String url = envValue(container, variable);
                soft.assertThat(url).as("%s: env %s", console.where(), variable).isNotNull();
                if (url != null) {
                    URI uri = URI.create(url);
                    K8sDoc pods = find("Service", uri.getHost());
                    soft.assertThat(pods).as("%s: %s names Service %s", console.where(), variable, uri.getHost())
                            .isNotNull();
                    if (pods != null) {
                        // Headless, no ports: a name for the pods that no Ingress can route to.
                        Map<String, Object> spec = map(pods.body().get("spec"));
                        soft.assertThat(str(spec.get("clusterIP"))).as("%s: clusterIP", pods.where()).isEqualTo("None");
                        soft.assertThat(maps(spec.get("ports"))).as("%s: ports", pods.where()).isEmpty();
                        K8sDoc deployment = find("Deployment", target);
                        if (deployment != null) {
                            soft.assertThat(map(map(map(map(deployment.body().get("spec")).get("template"))
                                    .get("metadata")).get("labels"))).as("%s: selector must match %s's pods",
                                    pods.where(), target).containsAllEntriesOf(map(spec.get("selector")));
                        }
                    }
                    soft.assertThat(uri.getPort()).as("%s: %s must be %s's management port", console.where(),
                            variable, target).isEqualTo(managementPort(target));
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void noServiceOrIngressExposesAManagementPort() {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Object> defaults = loadAll(root.resolve(
                "platform/src/main/resources/peersupport-defaults.yaml")).get(0);
        soft.assertThat(str(map(map(defaults.get("management")).get("server")).get("port")))
                .as("platform peersupport-defaults.yaml: management.server.port must be ${MANAGEMENT_PORT:...}, the "
                        + "variable the deployments set").startsWith("${MANAGEMENT_PORT:");

        Set<Integer> managementPorts = SERVICES.keySet().stream().map(DeployFilesTest::managementPort)
                .collect(Collectors.toCollection(TreeSet::new));
        for (K8sDoc svc : K8S.stream().filter(d -> "Service".equals(d.kind())).toList()) {
            for (Map<String, Object> p : maps(map(svc.body().get("spec")).get("ports"))) {
                soft.assertThat(p.get("port")).as("%s: port", svc.where()).isNotIn(managementPorts.toArray());
                soft.assertThat(p.get("targetPort")).as("%s: targetPort", svc.where())
                        .isNotIn(managementPorts.toArray()).isNotEqualTo("management");
            }
        }
        for (K8sDoc ingress : K8S.stream().filter(d -> "Ingress".equals(d.kind())).toList()) {
            for (Map<String, Object> rule : maps(map(ingress.body().get("spec")).get("rules"))) {
                for (Map<String, Object> path : maps(map(rule.get("http")).get("paths"))) {
                    Map<String, Object> port = map(map(map(path.get("backend")).get("service")).get("port"));
                    soft.assertThat(port.get("number")).as("%s: path %s", ingress.where(), path.get("path"))
                            .isNotIn(managementPorts.toArray());
                    soft.assertThat(port.get("name")).as("%s: path %s", ingress.where(), path.get("path"))
                            .isNotEqualTo("management");
                }
            }
        }
        for (String service : SERVICES.keySet()) {
            Map<String, Object> svc = map(composeServices.get(service));
            soft.assertThat(list(svc.get("ports")).stream().map(DeployFilesTest::containerPort).toList())
                    .as("compose.yaml: %s: published ports", service).doesNotContain(managementPort(service));
        }
        soft.assertAll();
    }

    /** The service's port plus {@link #MANAGEMENT_OFFSET}. */
    private static int managementPort(String service) {
        return PORTS.get(service) + MANAGEMENT_OFFSET;
    }

    @Test
    void exampleSecretsHoldOnlyPlaceholders() {
        SoftAssertions soft = new SoftAssertions();
        for (K8sDoc doc : K8S) {
            if (!doc.file().endsWith(".example.yaml")) {
                continue;
            }
            for (String field : List.of("stringData", "data")) {
                for (var e : map(doc.body().get(field)).entrySet()) {
                    String value = str(e.getValue());
                    soft.assertThat(value).as("%s: %s.%s must be an obvious placeholder (REPLACE_ME)",
                            doc.where(), field, e.getKey()).contains("REPLACE_ME");
                    Matcher userInfo = Pattern.compile("//([^/@\\s]+)@").matcher(value);
                    while (userInfo.find()) {
                        for (String part : userInfo.group(1).split(":")) {
                            soft.assertThat(part).as("%s: %s.%s: credentials in a URI must be placeholders", doc.where(),
                                    field, e.getKey()).startsWith("REPLACE_ME");
                        }
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void kustomizationListsEveryManifestAndNoExample() throws IOException {
        Map<String, Object> kustomization = single(k8sDir.resolve("kustomization.yaml"));
        Set<String> listed = new TreeSet<>(list(kustomization.get("resources")).stream().map(DeployFilesTest::str).toList());
        Set<String> files;
        try (Stream<Path> list = Files.list(k8sDir)) {
            files = list.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(name -> !name.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> examples = files.stream().filter(f -> f.endsWith(".example.yaml")).collect(Collectors.toSet());
        Set<String> manifests = new TreeSet<>(files);
        manifests.removeAll(examples);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(listed).as("k8s/kustomization.yaml: resources must list every file in k8s/ (except "
                + "*.example.yaml) and nothing else").containsExactlyInAnyOrderElementsOf(manifests);
        soft.assertThat(listed).as("k8s/kustomization.yaml: must not apply example secrets over the real ones")
                .doesNotContainAnyElementsOf(examples);
        soft.assertThat(str(kustomization.get("namespace"))).as("k8s/kustomization.yaml: namespace").isEqualTo(NAMESPACE);
        soft.assertAll();
    }

    @Test
    void ingressRoutesToExistingServicesAndPorts() {
        List<K8sDoc> ingresses = K8S.stream().filter(d -> "Ingress".equals(d.kind())).toList();
        assertThat(ingresses).as("k8s: an Ingress").isNotEmpty();
        SoftAssertions soft = new SoftAssertions();
        Map<String, String> backendByPath = new LinkedHashMap<>();
        for (K8sDoc ingress : ingresses) {
            for (Map<String, Object> rule : maps(map(ingress.body().get("spec")).get("rules"))) {
                for (Map<String, Object> path : maps(map(rule.get("http")).get("paths"))) {
                    Map<String, Object> backend = map(map(path.get("backend")).get("service"));
                    String name = str(backend.get("name"));
                    Map<String, Object> port = map(backend.get("port"));
                    String where = ingress.where() + ": path " + path.get("path");
                    backendByPath.put(str(path.get("path")), name);
                    K8sDoc svc = find("Service", name);
                    soft.assertThat(svc).as("%s: backend Service %s exists", where, name).isNotNull();
                    if (svc == null) {
                        continue;
                    }
                    List<Map<String, Object>> svcPorts = maps(map(svc.body().get("spec")).get("ports"));
                    if (port.containsKey("number")) {
                        soft.assertThat(svcPorts.stream().map(p -> p.get("port")).toList())
                                .as("%s: backend port %s must be a port of Service %s", where, port.get("number"), name)
                                .contains(port.get("number"));
                    } else {
                        soft.assertThat(svcPorts.stream().map(p -> p.get("name")).toList())
                                .as("%s: backend port name %s must be a port of Service %s", where, port.get("name"), name)
                                .contains(port.get("name"));
                    }
                }
            }
        }
        soft.assertThat(backendByPath.get("/")).as("k8s/ingress.yaml: / goes to the console").isEqualTo("console-service");
        soft.assertThat(backendByPath.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("/api/hospitals/") && e.getKey().contains("/requests"))
                        .map(Map.Entry::getValue).toList())
                .as("k8s/ingress.yaml: /api/hospitals/*/requests goes to intake").containsExactly("intake-service");
        soft.assertAll();
    }

    /**
     * The console's pages call each service from the browser at the URL the ConfigMap names: that host must be
     * routed (its {@code /api/}) to that service, with TLS; the services answer cross-origin calls from the console's
     * host only; the links in emails and SMS point at the console and at matching's signed offer links.
     */
    @Test
    void theConsolesPagesReachEveryServiceAtTheHostTheConfigMapNames() {
        K8sDoc configMap = find("ConfigMap", "peersupport-config");
        assertThat(configMap).as("k8s: ConfigMap peersupport-config").isNotNull();
        Map<String, String> shared = env(configMap.body().get("data"));
        Map<String, String> backendByHostPath = new LinkedHashMap<>();
        Set<String> tlsHosts = new TreeSet<>();
        for (K8sDoc ingress : K8S.stream().filter(d -> "Ingress".equals(d.kind())).toList()) {
            for (Map<String, Object> tls : maps(map(ingress.body().get("spec")).get("tls"))) {
                list(tls.get("hosts")).forEach(host -> tlsHosts.add(str(host)));
            }
            for (Map<String, Object> rule : maps(map(ingress.body().get("spec")).get("rules"))) {
                for (Map<String, Object> path : maps(map(rule.get("http")).get("paths"))) {
                    backendByHostPath.put(rule.get("host") + " " + path.get("path"),
                            str(map(map(path.get("backend")).get("service")).get("name")));
                }
            }
        }
        SoftAssertions soft = new SoftAssertions();
        String consoleHost = backendByHostPath.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" /") && "console-service".equals(e.getValue()))
                .map(e -> e.getKey().substring(0, e.getKey().length() - 2)).findFirst().orElse(null);
        soft.assertThat(consoleHost).as("k8s/ingress.yaml: a host whose / goes to the console").isNotNull();
        soft.assertThat(shared.get("PEERSUPPORT_WEB_ALLOWED_ORIGINS")).as("k8s/configmap.yaml: PEERSUPPORT_WEB_ALLOWED_ORIGINS")
                .isEqualTo("https://" + consoleHost);
        soft.assertThat(shared.get("NOTIFICATION_CONSOLE_URL")).as("k8s/configmap.yaml: NOTIFICATION_CONSOLE_URL")
                .isEqualTo("https://" + consoleHost);
        for (String service : List.of("intake", "matching", "followup", "notification", "training")) {
            String key = "PEERSUPPORT_URL_" + service.toUpperCase(java.util.Locale.ROOT);
            String url = shared.get(key);
            soft.assertThat(url).as("k8s/configmap.yaml: %s", key).startsWith("https://");
            if (url == null) {
                continue;
            }
            String host = URI.create(url).getHost();
            soft.assertThat(backendByHostPath.get(host + " /api/")).as("k8s/ingress.yaml: %s/api/ (%s)", host, key)
                    .isEqualTo(service + "-service");
            soft.assertThat(tlsHosts).as("k8s/ingress.yaml: TLS for %s", host).contains(host);
        }
        URI offerLinks = URI.create(shared.getOrDefault("NOTIFICATION_OFFER_LINK_URL", ""));
        soft.assertThat(offerLinks.getScheme()).as("k8s/configmap.yaml: NOTIFICATION_OFFER_LINK_URL").isEqualTo("https");
        soft.assertThat(backendByHostPath.get(offerLinks.getHost() + " " + offerLinks.getPath() + "/"))
                .as("k8s/ingress.yaml: the offer links of NOTIFICATION_OFFER_LINK_URL").isEqualTo("matching-service");
        soft.assertThat(shared).as("k8s/configmap.yaml: where the pages sign in")
                .containsKeys("PEERSUPPORT_URL_ISSUER", "PEERSUPPORT_CONSOLE_CLIENT_ID");
        soft.assertAll();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dockerfile and README

    @Test
    void dockerfileBuildsTheExecJarOfAnyModule() throws IOException {
        Path dockerfile = deploy.resolve("Dockerfile");
        assertThat(dockerfile).as("infra/deploy/Dockerfile").isRegularFile();
        String text = Files.readString(dockerfile);
        List<String> instructions = text.lines().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(instructions).as("Dockerfile: base image").anyMatch(l -> l.startsWith("FROM eclipse-temurin:17-jre"));
        soft.assertThat(instructions).as("Dockerfile: build arg MODULE").contains("ARG MODULE");
        soft.assertThat(instructions).as("Dockerfile: build arg PORT").contains("ARG PORT");
        soft.assertThat(instructions).as("Dockerfile: must copy <module>/target/<artifact>-<version>-exec.jar")
                .anyMatch(l -> l.startsWith("COPY") && l.contains("${MODULE}/target/") && l.contains("-exec.jar"));
        String version = System.getProperty("peersupport.version");
        if (version != null) {
            soft.assertThat(instructions).as("Dockerfile: ARG VERSION default must be the project version, or the COPY "
                    + "misses the jar").contains("ARG VERSION=" + version);
        }
        soft.assertThat(instructions).as("Dockerfile: EXPOSE").anyMatch(l -> l.startsWith("EXPOSE"));
        soft.assertThat(instructions).as("Dockerfile: EXPOSE only the service's port, never the management port")
                .filteredOn(l -> l.startsWith("EXPOSE")).allMatch(l -> l.equals("EXPOSE ${PORT}"));
        soft.assertThat(text).as("Dockerfile: HEALTHCHECK on the management port (MANAGEMENT_PORT, else PORT + 1000)")
                .contains("${MANAGEMENT_PORT:-$((SERVER_PORT + 1000))}");
        soft.assertThat(instructions).as("Dockerfile: runs as a non-root USER")
                .anyMatch(l -> l.startsWith("USER ") && !l.matches("USER (root|0)(:.*)?"));
        soft.assertThat(text).as("Dockerfile: container-aware heap").contains("-XX:MaxRAMPercentage=75");
        Path ignore = deploy.resolve("Dockerfile.dockerignore");
        if (Files.exists(ignore)) {
            soft.assertThat(Files.readAllLines(ignore)).as("Dockerfile.dockerignore must let the exec jars through")
                    .contains("!**/target/*-exec.jar");
        }
        soft.assertAll();
    }

    @Test
    void readmeDescribesTheFiles() throws IOException {
        Path readme = deploy.resolve("README.md");
        assertThat(readme).as("infra/deploy/README.md").isRegularFile();
        String text = Files.readString(readme);
        SoftAssertions soft = new SoftAssertions();
        try (Stream<Path> files = Stream.concat(Files.list(deploy), Files.list(k8sDir))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("README.md")) {
                    soft.assertThat(text).as("infra/deploy/README.md must mention %s", deploy.relativize(file)).contains(name);
                }
            }
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** The Kafka brokers: services of the Kafka image that run it (kafka-init has its own entrypoint). */
    private static Map<String, Map<String, Object>> kafkaNodes() {
        Map<String, Map<String, Object>> nodes = composeServicesWithImage("apache/kafka:");
        nodes.values().removeIf(svc -> svc.containsKey("entrypoint"));
        return nodes;
    }

    /** The one-shot compose service that runs kafka-acls.sh, or an empty map. */
    private static Map.Entry<String, Map<String, Object>> kafkaInit() {
        return composeServices.entrySet().stream()
                .filter(e -> String.valueOf(map(e.getValue()).get("entrypoint")).contains("kafka-acls.sh")
                        || String.valueOf(map(e.getValue()).get("command")).contains("kafka-acls.sh"))
                .map(e -> Map.entry(e.getKey(), map(e.getValue()))).findFirst()
                .orElse(Map.entry("(none)", Map.of()));
    }

    /** One grant of the table in kafka-acls.sh. */
    record Acl(String service, String operation, String resource, String name) {

        @Override
        public String toString() {
            return service + " " + operation + " " + resource + " " + name;
        }
    }

    /** The table between {@code <<'TABLE'} and {@code TABLE} in kafka-acls.sh, one grant a line. */
    private static List<Acl> aclTable() throws IOException {
        List<String> lines = Files.readAllLines(deploy.resolve("kafka-acls.sh"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("<<'TABLE'")) {
                start = i + 1;
            }
        }
        assertThat(start).as("kafka-acls.sh: the grants must be a heredoc <<'TABLE' ... TABLE").isPositive();
        List<Acl> acls = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.strip().equals("TABLE")) {
                return acls;
            }
            String[] f = line.strip().split("\\s+");
            assertThat(f).as("kafka-acls.sh: '%s' must be: service operation resource name", line).hasSize(4);
            acls.add(new Acl(f[0], f[1], f[2], f[3]));
        }
        return fail("kafka-acls.sh: the table never ends with a line TABLE");
    }

    /** A service's consumer bindings from its application.yaml: destinations, group and dead-letter topic. */
    record Consumer(List<String> destinations, String group, String deadLetterTopic) {
    }

    private static List<Consumer> consumersOf(String service) {
        Path yaml = root.resolve(service).resolve("src/main/resources/application.yaml");
        if (!Files.exists(yaml)) {
            return List.of();
        }
        Map<String, Object> stream = map(map(map(loadAll(yaml).get(0).get("spring")).get("cloud")).get("stream"));
        Map<String, Object> kafkaBindings = map(map(stream.get("kafka")).get("bindings"));
        List<Consumer> consumers = new ArrayList<>();
        map(stream.get("bindings")).forEach((name, binding) -> {
            if (name.contains("-in-")) {
                String destination = str(map(binding).get("destination"));
                consumers.add(new Consumer(destination == null ? List.of() : List.of(destination.split("\\s*,\\s*")),
                        str(map(binding).get("group")),
                        str(map(map(kafkaBindings.get(name)).get("consumer")).get("dlq-name"))));
            }
        });
        return consumers;
    }

    private static Map<String, Map<String, Object>> composeServicesWithImage(String prefix) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        composeServices.forEach((name, svc) -> {
            if (str(map(svc).get("image")) != null && str(map(svc).get("image")).startsWith(prefix)) {
                found.put(name, map(svc));
            }
        });
        return found;
    }

    private static Map<String, String> composeEnv(String service) {
        return env(map(composeServices.get(service)).get("environment"));
    }

    /** Compose allows a map or a list of NAME=value; ConfigMap data is a map. */
    private static Map<String, String> env(Object environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> l) {
            for (Object item : l) {
                String[] kv = String.valueOf(item).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    /** "8081", "8081:8081", "127.0.0.1:8081:8081/tcp" or the long syntax {target: 8081}. */
    private static Integer containerPort(Object entry) {
        if (entry instanceof Map<?, ?> m) {
            return Integer.valueOf(String.valueOf(m.get("target")));
        }
        String spec = String.valueOf(entry);
        String last = spec.substring(spec.lastIndexOf(':') + 1);
        return Integer.valueOf(last.replaceAll("/.*", ""));
    }

    private static List<Integer> urlPorts(String text) {
        List<Integer> ports = new ArrayList<>();
        Matcher m = URL_PORT.matcher(text);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(2)));
        }
        return ports;
    }

    private static List<String> mongoHosts(String uri) {
        Matcher m = Pattern.compile("^mongodb://(?:[^@/]*@)?([^/?]+)").matcher(uri);
        if (!m.find()) {
            return List.of();
        }
        return Stream.of(m.group(1).split(",")).map(h -> h.split(":")[0]).toList();
    }

    private static K8sDoc find(String kind, String name) {
        return K8S.stream().filter(d -> kind.equals(d.kind()) && Objects.equals(name, d.name())).findFirst().orElse(null);
    }

    private static Map<String, Object> container(K8sDoc deployment, String name) {
        List<Map<String, Object>> containers = maps(
                map(map(map(deployment.body().get("spec")).get("template")).get("spec")).get("containers"));
        return containers.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseGet(() -> fail("%s: no container named %s", deployment.where(), name));
    }

    private static String envValue(Map<String, Object> container, String name) {
        return maps(container.get("env")).stream().filter(e -> name.equals(e.get("name")))
                .map(e -> str(e.get("value"))).findFirst().orElse(null);
    }

    private static Map<String, Object> volume(Map<String, Object> podSpec, String name) {
        return maps(podSpec.get("volumes")).stream().filter(v -> Objects.equals(name, v.get("name"))).findFirst()
                .orElse(Map.of());
    }

    /** A numeric port, or a named one looked up among the container's ports; null if the name is unknown. */
    private static Integer resolvePort(Object port, List<Map<String, Object>> containerPorts) {
        if (port instanceof Integer i) {
            return i;
        }
        return containerPorts.stream().filter(p -> Objects.equals(port, p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst().orElse(null);
    }

    private static Map<String, Set<String>> exampleSecretKeys() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (K8sDoc doc : K8S) {
            if ("Secret".equals(doc.kind())) {
                Set<String> keys = new LinkedHashSet<>(map(doc.body().get("stringData")).keySet());
                keys.addAll(map(doc.body().get("data")).keySet());
                secrets.put(doc.name(), keys);
            }
        }
        return secrets;
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static Map<String, Object> single(Path file) {
        List<Map<String, Object>> docs = loadAll(file);
        assertThat(docs).as("%s: expected exactly one YAML document", file).hasSize(1);
        return docs.get(0);
    }

    /** All documents of a (multi-document) YAML file; each must be a mapping. Duplicate keys are errors. */
    private static List<Map<String, Object>> loadAll(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object doc : yaml.loadAll(in)) {
                if (doc == null) {
                    continue; // an empty document, e.g. after a trailing ---
                }
                if (!(doc instanceof Map<?, ?>)) {
                    fail("%s: a YAML document is a %s, not a mapping", file, doc.getClass().getSimpleName());
                }
                docs.add(map(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // SnakeYAML's parser and constructor errors; the AssertionError from fail() is not one of them.
            throw new AssertionError(file + ": not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (o instanceof String s) {
            return List.of(s); // compose's string form of command / healthcheck test
        }
        return List.of();
    }

    private static List<Map<String, Object>> maps(Object o) {
        return list(o).stream().map(DeployFilesTest::map).toList();
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
