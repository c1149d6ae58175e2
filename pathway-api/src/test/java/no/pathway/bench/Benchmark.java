package no.pathway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import no.pathway.api.security.SourceGrant;
import no.pathway.api.support.PathwayGenerator;
import no.pathway.api.support.TestPersons;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark harness of docs/performance.md. Not a test: it starts the packaged service as its own process
 * (-Xmx1g) on a fresh database on the local PostgreSQL, drives it over HTTP and prints a table. Every answer is
 * checked. Scale through system properties (bench.pathways, bench.singleEvents, bench.lagSeconds); run only some
 * stages with bench.stages (e.g. {@code -Dbench.stages=8}; stage 6 and 7 come with 1).
 */
public final class Benchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Its own name per session (-Dbench.db): the machine is shared, and each run drops the database first. */
    private static final String DB = System.getProperty("bench.db", "pathway_bench");
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int PORT = Integer.getInteger("bench.port", 18080);
    private static final String BASE = "http://127.0.0.1:" + PORT;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> results = new LinkedHashMap<>();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private String source;
    private String coordinator;
    private String operator;
    private String auditor;

    public static void main(String[] args) {
        try {
            new Benchmark().run();
            System.exit(0);
        } catch (Exception | Error e) {
            // a failed stage must end the run (and the Maven build) rather than leave the client pools running
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        int pathways = Integer.getInteger("bench.pathways", 10_000);
        int singleEvents = Integer.getInteger("bench.singleEvents", 20_000);
        int lagSeconds = Integer.getInteger("bench.lagSeconds", 20);
        java.util.Set<String> stages = java.util.Set.of(System.getProperty("bench.stages", "1,2,3,4,5,8")
                .split("\\s*,\\s*"));
        freshDatabase();
        Process service = startService();
        try {
            source = token("{\"roles\":[\"SOURCE\"],\"client\":\"bench-source\",\"minutes\":600}");
            coordinator = token("{\"roles\":[\"COORDINATOR\"],\"client\":\"bench-coord\",\"municipalities\":"
                    + "[\"0301\",\"9999\"],\"minutes\":600}");
            operator = token("{\"roles\":[\"OPERATOR\"],\"client\":\"bench-ops\",\"minutes\":600}");
            auditor = token("{\"roles\":[\"AUDITOR\"],\"client\":\"bench-audit\",\"minutes\":600}");
            Thread sampler = heapSampler();
            if (stages.contains("1")) {
                List<List<Map<String, Object>>> batches = generate(pathways);
                long events = batches.stream().mapToLong(List::size).sum();
                double bulk = bulkIngest(batches);
                double ceiling = jdbcCeiling(batches);
                record("1. bulk ingest, batches of up to 1,000, 4 clients",
                        "%,.0f events/s (%,d events, %,d pathways)", bulk, events, pathways);
                record("6. plain JDBC ceiling, same rows", "%,.0f rows/s; bulk ingest = %.1f %% of it", ceiling,
                        100 * bulk / ceiling);
            }
            if (stages.contains("2")) {
                singleIngest(singleEvents);
            }
            awaitReadModels(Duration.ofMinutes(30));
            if (stages.contains("3")) {
                projectionLag(lagSeconds);
            }
            if (stages.contains("4")) {
                rebuild();
            }
            if (stages.contains("5")) {
                dashboards();
            }
            if (stages.contains("8")) {
                longPathways();
            }
            sampler.interrupt();
            if (stages.contains("1")) {
                // jvm.gc.live.data.size is the old generation's occupancy after a collection, set by collections
                // that touch it (a short run may have none). Under G1 that still counts garbage until a mixed
                // collection reclaims it, so it bounds the live heap from above; it is not the live heap.
                record("7. peak heap of the service (sampled every 250 ms)", "%,d MiB used (limit -Xmx1g); %s",
                        peakHeap.get() / (1024 * 1024), peakLive.get() == 0 ? "no old-generation collection ran"
                                : String.format("at most %,d MiB in the old generation after a collection",
                                peakLive.get() / (1024 * 1024)));
            }
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        print();
    }

    // ---- stages ----

    private List<List<Map<String, Object>>> generate(int pathways) {
        PathwayGenerator generator = new PathwayGenerator(42L, Instant.now().minus(Duration.ofHours(2)));
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        // whole pathways per batch: the clients post batches concurrently, and a pathway's order must hold
        for (int i = 0; i < pathways; i++) {
            List<Map<String, Object>> events = generator.next().events();
            if (batch.size() + events.size() > 1000) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
            batch.addAll(events);
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private double bulkIngest(List<List<Map<String, Object>>> batches) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                int stored = 0;
                for (int b = client; b < batches.size(); b += 4) {
                    JsonNode answer = post("/api/v1/events/batch", Map.of("events", batches.get(b)), source, 200);
                    for (JsonNode r : answer.get("results")) {
                        int status = r.get("status").intValue();
                        if (status != 201 && status != 200) {
                            throw new IllegalStateException("batch event refused: " + r);
                        }
                        stored++;
                    }
                }
                return stored;
            }));
        }
        long stored = 0;
        for (Future<Integer> f : done) {
            stored += f.get();
        }
        clients.shutdown();
        return stored / seconds(start);
    }

    /** The same number of rows, shaped like the event table, inserted by plain batched JDBC. */
    private double jdbcCeiling(List<List<Map<String, Object>>> batches) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + DB, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ceiling_event (LIKE domain_event_entry INCLUDING ALL)");
                s.execute("ALTER TABLE ceiling_event ALTER COLUMN global_index DROP DEFAULT");
            }
            c.setAutoCommit(false);
            long index = 0;
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ceiling_event (global_index, "
                    + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (List<Map<String, Object>> batch : batches) {
                    for (Map<String, Object> e : batch) {
                        index++;
                        ps.setLong(1, index);
                        ps.setString(2, java.util.UUID.randomUUID().toString());
                        ps.setString(3, "agg-" + e.get("personId"));
                        ps.setLong(4, index);
                        ps.setString(5, "Pathway");
                        ps.setString(6, Instant.now().toString());
                        ps.setString(7, "no.pathway.core.event.X");
                        ps.setString(8, "1");
                        ps.setBytes(9, JSON.writeValueAsBytes(e));
                        ps.setBytes(10, "{\"traceId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
            return index / seconds(start);
        }
    }

    private void singleIngest(int count) throws Exception {
        PathwayGenerator generator = new PathwayGenerator(7L, Instant.now().minus(Duration.ofHours(2)));
        ConcurrentLinkedQueue<Map<String, Object>> queue = new ConcurrentLinkedQueue<>();
        while (queue.size() < count) {
            // concurrent clients may post a retraction before its target, which is rightly refused: leave them out
            generator.next().events().stream().filter(e -> !"EVENT_RETRACTED".equals(e.get("type")))
                    .forEach(queue::add);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        AtomicLong posted = new AtomicLong();
        for (int c = 0; c < 32; c++) {
            done.add(clients.submit(() -> {
                Map<String, Object> e;
                while (posted.incrementAndGet() <= count && (e = queue.poll()) != null) {
                    long t = System.nanoTime();
                    post("/api/v1/events", e, source, 201);
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double rate = latencies.size() / seconds(start);
        clients.shutdown();
        record("2. single-event ingest, 32 clients", "%,.0f events/s; p50 %s, p95 %s, p99 %s (%,d events)", rate,
                ms(latencies, 50), ms(latencies, 95), ms(latencies, 99), latencies.size());
    }

    /**
     * Offers non-fatal overdoses (each on a new pathway, so each opens a gap) at a steady 500/s and, for every
     * tenth, measures from its 201 until its pathway's gap row is in the table GET /api/v1/gaps reads. One watcher
     * polls all pending samples at once every 5 ms, by pathway id (indexed), so the measuring costs the service
     * next to nothing and no sample waits for a free watcher.
     */
    private void projectionLag(int seconds) throws Exception {
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(pending, lags, posting), "lag-watcher");
        watcher.start();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        long interval = 2_000_000; // 500 events/s
        long start = System.nanoTime();
        int total = seconds * 500;
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String eventId = "lag-" + i;
            boolean sample = i % 10 == 0;
            done.add(clients.submit(() -> {
                JsonNode stored = post("/api/v1/events", Map.of("eventId", eventId, "type", "OVERDOSE_RECORDED",
                        "personId", TestPersons.next(), "occurredAt", Instant.now().toString(),
                        "municipality", "9999", "fatal", false), source, 201);
                long acknowledged = System.nanoTime();
                if (sample) {
                    pending.put(stored.get("pathwayId").stringValue(), acknowledged);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double achieved = total / seconds(start);
        posting.set(false);
        watcher.join(TimeUnit.MINUTES.toMillis(2));
        clients.shutdown();
        record("3. projection lag, 500 events/s offered", "p50 %s, p95 %s, p99 %s, max %s (%,d sampled of %,d; "
                        + "achieved %,.0f events/s)", ms(lags, 50), ms(lags, 95), ms(lags, 99), ms(lags, 100),
                lags.size(), total, achieved);
    }

    private void watch(Map<String, Long> pending, List<Long> lags, AtomicBoolean posting) {
        try (Connection db = DriverManager.getConnection(PG + DB, "postgres", "");
             PreparedStatement ps = db.prepareStatement(
                     "SELECT DISTINCT g.pathway_id FROM gap g JOIN unnest(?::varchar[]) AS k(p) ON g.pathway_id = k.p")) {
            long deadline = Long.MAX_VALUE;
            while (System.nanoTime() < deadline) {
                if (!posting.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                }
                if (pending.isEmpty()) {
                    if (!posting.get()) {
                        return;
                    }
                } else {
                    ps.setArray(1, db.createArrayOf("varchar", pending.keySet().toArray()));
                    try (var rs = ps.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            Long acknowledged = pending.remove(rs.getString(1));
                            if (acknowledged != null) {
                                lags.add(now - acknowledged);
                            }
                        }
                    }
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException(pending.size() + " sampled gaps never showed");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void rebuild() throws Exception {
        long events = count("SELECT count(*) FROM domain_event_entry");
        long start = System.nanoTime();
        post("/api/v1/admin/read-models/rebuild", Map.of(), operator, 202);
        awaitReadModels(Duration.ofMinutes(60));
        double took = seconds(start);
        record("4. full rebuild of the read models", "%,.0f events/s (%,d events in %.1f s)", events / took, events,
                took);
    }

    private void dashboards() throws Exception {
        List<Long> page = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            get("/api/v1/gaps?municipality=0301&limit=50", coordinator);
            page.add(System.nanoTime() - t);
        }
        String person = TestPersons.next();
        List<Map<String, Object>> events = new ArrayList<>();
        Instant t0 = Instant.now().minus(Duration.ofDays(300));
        for (int i = 0; i < 200; i++) {
            String[] types = {"APPOINTMENT_MISSED", "HANDOVER_SENT", "OVERDOSE_RECORDED", "HOUSING_RECORDED"};
            String type = types[i % types.length];
            Map<String, Object> e = new LinkedHashMap<>(Map.of("eventId", "long-" + i, "type", type,
                    "personId", person, "occurredAt", t0.plus(Duration.ofHours(30L * i)).toString()));
            switch (type) {
                case "APPOINTMENT_MISSED" -> e.put("appointmentId", "a" + i);
                case "HANDOVER_SENT" -> e.putAll(Map.of("handoverId", "h" + i, "fromSetting", "RESIDENTIAL",
                        "toSetting", "MUNICIPALITY"));
                case "OVERDOSE_RECORDED" -> e.put("fatal", false);
                default -> e.put("housing", "TEMPORARY");
            }
            events.add(e);
        }
        JsonNode answer = post("/api/v1/events/batch", Map.of("events", events), source, 200);
        String pathwayId = answer.get("results").get(0).get("pathwayId").stringValue();
        List<Long> perPathway = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            get("/api/v1/pathways/" + pathwayId + "/gaps", auditor);
            perPathway.add(System.nanoTime() - t);
        }
        long pathways = count("SELECT count(*) FROM pathway_summary");
        long gaps = count("SELECT count(*) FROM gap");
        record("5a. GET /gaps first page, one municipality", "p50 %s, p99 %s (%,d pathways, %,d gaps loaded)",
                ms(page.subList(50, 300), 50), ms(page.subList(50, 300), 99), pathways, gaps);
        record("5b. GET /pathways/{id}/gaps, 200-event pathway", "p50 %s, p99 %s",
                ms(perPathway.subList(50, 300), 50), ms(perPathway.subList(50, 300), 99));
        dashboardAt();
    }

    /**
     * "What 0301's dashboard showed at T" (GET /api/v1/audit/dashboard) at the end of the load, so every pathway of
     * 0301 is a candidate: each is read from the event store and judged with at = knownAt = T. One warm-up call,
     * then five.
     */
    private void dashboardAt() throws Exception {
        String path = "/api/v1/audit/dashboard?municipality=0301&at=" + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode answer = get(path, auditor);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            answer = get(path, auditor);
            times.add(System.nanoTime() - t);
        }
        long candidates = count("SELECT count(*) FROM pathway_municipality WHERE municipality = '0301'");
        record("5c. GET /audit/dashboard at T, one municipality", "p50 %s, max %s (%,d pathways judged of %,d "
                        + "candidates, %,d gaps listed)", ms(times, 50), ms(times, 100),
                answer.get("pathwaysJudged").longValue(), candidates, answer.get("gaps").size());
    }

    /**
     * Stage 8 (issue 12, finding 4): pathways of 1,000 and 10,000 events (the most a pathway may hold), mostly
     * booked-and-missed appointments, the shape whose timeline once took more than ten minutes at 5,000 events,
     * with housing, activities, overdoses and handovers between them. Measures the judgement on demand
     * ({@code GET /pathways/{id}/gaps}: load, judge, answer), the timeline, and one more event on the long pathway
     * until the read models have it (load, judge, rewrite its gap rows).
     */
    private void longPathways() throws Exception {
        int extra = 5;
        String small = longPathway(1_000);
        String large = longPathway(10_000 - extra);
        awaitReadModels(Duration.ofMinutes(10));
        List<Long> projected = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            Map<String, Object> e = new LinkedHashMap<>(Map.of("eventId", "more-" + i, "type", "HOUSING_RECORDED",
                    "personId", longPerson, "occurredAt", Instant.now().minusSeconds(60).toString(),
                    "housing", "TEMPORARY"));
            long t = System.nanoTime();
            post("/api/v1/events", e, source, 201);
            awaitReadModels(Duration.ofMinutes(5));
            projected.add(System.nanoTime() - t);
        }
        // now full: 10,000 events
        long gaps = get("/api/v1/pathways/" + large + "/gaps", auditor).get("gaps").size();
        List<Long> judgedSmall = timed(30, 5, "/api/v1/pathways/" + small + "/gaps");
        List<Long> judgedLarge = timed(30, 5, "/api/v1/pathways/" + large + "/gaps");
        List<Long> timelineSmall = timed(10, 2, "/api/v1/pathways/" + small + "/gaps/timeline");
        List<Long> timelineLarge = timed(10, 2, "/api/v1/pathways/" + large + "/gaps/timeline");
        record("8a. GET /pathways/{id}/gaps, 10,000-event pathway (target judgement <= 100 ms)",
                "p50 %s, max %s (%,d gaps); 1,000 events: p50 %s, max %s", ms(judgedLarge, 50), ms(judgedLarge, 100),
                gaps, ms(judgedSmall, 50), ms(judgedSmall, 100));
        record("8b. GET /pathways/{id}/gaps/timeline, 10,000-event pathway (target <= 1 s)",
                "p50 %s, max %s; 1,000 events: p50 %s, max %s", ms(timelineLarge, 50), ms(timelineLarge, 100),
                ms(timelineSmall, 50), ms(timelineSmall, 100));
        record("8c. one more event on the 9,995-event pathway until the read models have it",
                "p50 %s, max %s (5 events, one at a time, up to 10,000)", ms(projected, 50), ms(projected, 100));
    }

    private String longPerson;

    /** Posts a pathway of {@code size} events in batches of 250 (a loaded machine) and answers its id. */
    private String longPathway(int size) {
        String person = TestPersons.next();
        longPerson = person;
        Instant t0 = Instant.now().minus(Duration.ofHours(6L * size + 240));
        List<Map<String, Object>> events = new ArrayList<>();
        String pathwayId = null;
        for (int i = 0; i < size; i++) {
            Instant at = t0.plus(Duration.ofHours(6L * i));
            Map<String, Object> e = new LinkedHashMap<>(Map.of("eventId", "long-" + size + "-" + i,
                    "personId", person, "occurredAt", at.toString()));
            switch (i % 10) {
                case 0, 2, 4 -> e.putAll(Map.of("type", "APPOINTMENT_BOOKED", "appointmentId", "a" + i / 2,
                        "setting", "OUTPATIENT", "scheduledAt", at.plus(Duration.ofHours(5)).toString()));
                case 1, 3, 5 -> e.putAll(Map.of("type", "APPOINTMENT_MISSED", "appointmentId", "a" + (i - 1) / 2));
                case 6 -> e.putAll(Map.of("type", "HOUSING_RECORDED", "housing", i % 20 == 6 ? "NONE" : "OWN"));
                case 7 -> e.putAll(Map.of("type", "ACTIVITY_RECORDED", "activity", "WORK_TRAINING"));
                case 8 -> e.putAll(Map.of("type", "OVERDOSE_RECORDED", "fatal", false));
                default -> e.putAll(Map.of("type", "HANDOVER_SENT", "handoverId", "h" + i,
                        "fromSetting", "RESIDENTIAL", "toSetting", "MUNICIPALITY"));
            }
            events.add(e);
            if (events.size() == 250 || i == size - 1) {
                JsonNode answer = post("/api/v1/events/batch", Map.of("events", events), source, 200);
                for (JsonNode r : answer.get("results")) {
                    if (r.get("status").intValue() != 201) {
                        throw new IllegalStateException("a long pathway's event answered " + r);
                    }
                    pathwayId = r.get("pathwayId").stringValue();
                }
                events = new ArrayList<>();
            }
        }
        return pathwayId;
    }

    /** {@code calls} timed GETs as an auditor, the first {@code warmUp} of them left out. */
    private List<Long> timed(int calls, int warmUp, String path) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            get(path, auditor);
            if (i >= warmUp) {
                nanos.add(System.nanoTime() - t);
            }
        }
        return nanos;
    }

    // ---- plumbing ----

    private void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
    }

    private Process startService() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/pathway.jar"));
        Path data = Files.createTempDirectory("pathway-bench");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        // e.g. -Dbench.serviceJvmArgs=-XX:StartFlightRecording=filename=/tmp/pathway.jfr to profile the service
        String extra = System.getProperty("bench.serviceJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                // the generator posts every kind of event as one source system
                "--pathway.sources.bench-source.settings=DETOX,OUTPATIENT,RESIDENTIAL,MUNICIPALITY,NAV,PRISON",
                "--pathway.sources.bench-source.types=" + String.join(",", SourceGrant.WITHOUT_SETTING.stream()
                        .map(Enum::name).toList()),
                "--pathway.sources.bench-source.municipalities=" + SourceGrant.ANY_MUNICIPALITY));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile());
        // the application's role and the migrations' owner are the development defaults, as in a real deployment
        pb.environment().putAll(Map.of("SPRING_DATASOURCE_URL", PG + DB,
                "PATHWAY_DATA_DIR", data.toString(), "PORT", String.valueOf(PORT),
                "PATHWAY_RATE_LIMIT_PER_SECOND", "1000000", "PATHWAY_RATE_LIMIT_BURST", "1000000"));
        Process process = pb.start();
        // a bound, not a measure: on a shared machine under load the service has taken over 4 minutes to start
        long startSeconds = Integer.getInteger("bench.startSeconds", 600);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startSeconds);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(BASE + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    System.out.println("service up; log in " + data.resolve("service.log"));
                    return process;
                }
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        process.destroy();
        throw new IllegalStateException("the service did not start; see " + data.resolve("service.log"));
    }

    private String token(String request) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("accessToken").stringValue();
    }

    private Thread heapSampler() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    JsonNode m = get("/actuator/metrics/jvm.memory.used?tag=area:heap", operator);
                    long used = (long) m.get("measurements").get(0).get("value").doubleValue();
                    peakHeap.accumulateAndGet(used, Math::max);
                    // what survived the last collection: "used" above also counts garbage G1 has not collected yet
                    JsonNode live = get("/actuator/metrics/jvm.gc.live.data.size", operator);
                    peakLive.accumulateAndGet((long) live.get("measurements").get(0).get("value").doubleValue(),
                            Math::max);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the next sample will do
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void awaitReadModels(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        Thread.sleep(200);
        while (System.nanoTime() < deadline) {
            JsonNode s = get("/api/v1/admin/read-models", operator);
            if (s.get("behind").longValue() == 0 && !s.get("replaying").booleanValue()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("read models did not catch up");
    }

    private JsonNode post(String path, Object body, String token, int expected) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + DB, "postgres", "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return String.format("%.1f ms", sorted.get(Math.max(0, index)) / 1e6);
    }

    private void record(String measure, String format, Object... values) {
        String value = String.format(format, values);
        results.put(measure, value);
        // the time, to find each stage in a profile of the service
        System.out.println(Instant.now() + " " + measure + ": " + value);
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder("| measure | result |\n|---|---|\n");
        results.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark.md"), table.toString());
    }
}
