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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Stage 9 (issue 15's targets: the worklist page's server time p99 &lt;= 100 ms with 100,000 pathways loaded,
 * the dashboard at T for one municipality &lt;= 5 s), not among the default stages; run it alone:
 * {@code -Dbench.stages=9 -Dbench.pathways=100000}. It loads its own pathways (seed 9) through the ordinary write
 * path, {@code POST /api/v1/events/batch} with 4 clients, the read models built by the service as events arrive:
 * first {@code bench.baselinePathways} (10,000), measures, then the rest up to {@code bench.pathways}, and measures
 * again, so that the ratio of the two sizes comes from one run. On a machine too loaded for the API to post the
 * second slice in reasonable time, {@code -Dbench.scaleUp=copy} copies the first slice's stored events in SQL
 * instead and lets the service's read-model processor build the read models from them ({@link #copyPathways}).
 * Each measurement takes the municipality with the most pathways, assigns 300 of its unresolved gaps to a
 * coordinator of it (through the API), logs that coordinator in through the development provider over plain HTTP
 * ({@link PageSession}) and requests the worklist page ({@code GET /worklist}, HTML) 100 times untimed, then 400
 * times timed, in turn with: no filter, assigned to me, the rule with the most unresolved gaps, the rule with the
 * fewest, and the second page. The time is the client's on localhost (p50/p95/p99/max); the service's own mean from
 * {@code http.server.requests} is given beside it. Then {@code GET /api/v1/gaps} of the same municipality (250
 * after 50) as the JSON baseline; the dashboard at T ({@code GET /api/v1/audit/dashboard}) at T = now three times
 * and at the middle and end of each slice posted through the API twice; and the auditor's page
 * {@code /audit/dashboard} twice. Every figure carries the machine's load average. {@code -Dbench.reuseDatabase=true}
 * starts the service on the database an earlier run left (no fresh database) and stage 9 then only measures, at the
 * size it finds: to measure a change of the service on the same data without loading it again.
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
        // -Dbench.reuseDatabase=true: the database of an earlier run, as it was left (stage 9 then only measures)
        boolean reuse = Boolean.getBoolean("bench.reuseDatabase");
        if (!reuse) {
            freshDatabase();
        }
        Process service = startService();
        try {
            source = token("{\"roles\":[\"SOURCE\"],\"client\":\"bench-source\",\"minutes\":600}");
            coordinator = token("{\"roles\":[\"COORDINATOR\"],\"client\":\"bench-coord\",\"municipalities\":"
                    + "[\"0301\",\"9999\"],\"minutes\":600}");
            operator = token("{\"roles\":[\"OPERATOR\"],\"client\":\"bench-ops\",\"minutes\":600}");
            auditor = token("{\"roles\":[\"AUDITOR\"],\"client\":\"bench-audit\",\"minutes\":600}");
            Thread sampler = heapSampler();
            if (stages.contains("1")) {
                List<List<Map<String, Object>>> batches = generate(
                        new PathwayGenerator(42L, Instant.now().minus(Duration.ofHours(2))), pathways);
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
            if (stages.contains("9") && reuse) {
                awaitReadModels(Duration.ofMinutes(90));
                measureAtScale("9b", (int) count("SELECT count(DISTINCT pathway_id) FROM pathway_municipality"));
            } else if (stages.contains("9")) {
                atScale(pathways);
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

    private List<List<Map<String, Object>>> generate(PathwayGenerator generator, int pathways) {
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
        return bulkIngest(batches, false);
    }

    /** Batches answered 503 and sent again (stage 9's load, which does as the answer says). */
    private final AtomicLong resent = new AtomicLong();

    /**
     * Posts the batches with 4 clients. {@code resend}: a batch answered 503 ("send the same request again later",
     * the database's statement bound on a loaded machine) is sent again after a pause, up to 10 times; the events
     * it had stored answer 200 as already stored. Stage 1 measures and ends on any failure instead.
     */
    private double bulkIngest(List<List<Map<String, Object>>> batches, boolean resend) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                int stored = 0;
                for (int b = client; b < batches.size(); b += 4) {
                    JsonNode answer = resend ? postResending(Map.of("events", batches.get(b)))
                            : post("/api/v1/events/batch", Map.of("events", batches.get(b)), source, 200);
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

    // ---- stage 9: the worklist page and the dashboard at T at scale (issue 15) ----

    /** When each slice of stage 9's load started and ended: the earlier T of the dashboard at T. */
    private final List<Instant> loadMarks = new ArrayList<>();

    /**
     * Stage 9: loads {@code bench.baselinePathways} (10,000) pathways, measures, loads the rest up to
     * {@code bench.pathways} and measures again, so that the two sizes are compared in one run on one machine.
     */
    private void atScale(int total) throws Exception {
        int baseline = Integer.getInteger("bench.baselinePathways", 10_000);
        if (baseline <= 0 || baseline >= total) {
            throw new IllegalArgumentException("bench.baselinePathways must be between 0 and bench.pathways");
        }
        // its own seed: stage 1 may have loaded the seed-42 pathways already
        PathwayGenerator generator = new PathwayGenerator(9L, Instant.now().minus(Duration.ofHours(2)));
        loadSlice("9.0 load, first slice", generator, baseline);
        measureAtScale("9a", baseline);
        if ("copy".equals(System.getProperty("bench.scaleUp", "api"))) {
            copyPathways(total / baseline - 1);
        } else {
            loadSlice("9.0 load, second slice", generator, total - baseline);
        }
        measureAtScale("9b", total);
    }

    /** Posts generated pathways through the batch API (4 clients) and waits until the read models have them. */
    private void loadSlice(String label, PathwayGenerator generator, int pathways) throws Exception {
        List<List<Map<String, Object>>> batches = generate(generator, pathways);
        long events = batches.stream().mapToLong(List::size).sum();
        String before = loadAverage();
        long start = System.nanoTime();
        loadMarks.add(Instant.now());
        long resentBefore = resent.get();
        double rate = bulkIngest(batches, true);
        loadMarks.add(Instant.now());
        awaitReadModels(Duration.ofMinutes(90));
        record(label, "%,d pathways, %,d events through POST /api/v1/events/batch at %,.0f events/s (%d batches "
                        + "answered 503 and were sent again); read models caught up %.0f s after the start; load "
                        + "average %s before, %s after", pathways, events, rate, resent.get() - resentBefore,
                seconds(start), before, loadAverage());
    }

    /**
     * The quicker way to the second size when the machine is too loaded for the API ({@code -Dbench.scaleUp=copy}):
     * the events the service stored for the first slice are copied {@code copies} times in SQL, each copy under new
     * pathway ids (the original's with ".c1", ".c2"... appended: a gap's id is made from its pathway's, so the copies'
     * gaps are new rows) and new event ids, numbered again without holes; assignments, acknowledgements and follow-up
     * attempts are left out, so "assigned to me" stays the first slice's. The municipality index is copied alongside
     * (the write path keeps it in the same transaction). The read models are then built by the service as usual: its
     * processor reads the copies from the store like any other events. The copies are stored pathway by pathway (as a
     * source posting each person's history at once would): in the originals' order, each of the processor's batches
     * touched a hundred pathways and every copy was judged again for each of its events, 600 pathways a minute. Not copied: the receipts (no copy is posted
     * again), the hash chain and the identity vault (no copy is verified or revealed).
     */
    private void copyPathways(int copies) throws Exception {
        String before = loadAverage();
        long start = System.nanoTime();
        long copied = 0;
        try (Connection c = DriverManager.getConnection(PG + DB, "postgres", "")) {
            c.setAutoCommit(false);
            for (int k = 1; k <= copies; k++) {
                String suffix = "'.c" + k + "'";
                try (Statement st = c.createStatement()) {
                    copied += st.executeUpdate("INSERT INTO domain_event_entry (event_identifier, "
                            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                            + "payload, meta_data) SELECT gen_random_uuid()::text, aggregate_identifier || " + suffix
                            + ", row_number() OVER (PARTITION BY aggregate_identifier ORDER BY sequence_number) - 1, "
                            + "type, time_stamp, payload_type, payload_revision, payload, meta_data "
                            + "FROM domain_event_entry WHERE aggregate_identifier NOT LIKE '%.%' AND payload_type NOT IN "
                            + "('no.pathway.core.event.GapAssigned', 'no.pathway.core.event.GapAcknowledged', "
                            + "'no.pathway.core.event.FollowUpAttempted') "
                            + "ORDER BY aggregate_identifier, sequence_number");
                    st.executeUpdate("INSERT INTO pathway_municipality (municipality, pathway_id, first_recorded_at) "
                            + "SELECT municipality, pathway_id || " + suffix + ", first_recorded_at "
                            + "FROM pathway_municipality WHERE pathway_id NOT LIKE '%.%'");
                }
                c.commit();
            }
        }
        double inserted = seconds(start);
        awaitReadModels(Duration.ofMinutes(90));
        record("9.0 load, second slice (copies)", "the first slice's events copied %d times in SQL: %,d events in "
                        + "%.0f s; the service's read models caught up %.0f s after the start; load average %s before, "
                        + "%s after", copies, copied, inserted, seconds(start), before, loadAverage());
    }

    /**
     * The measurements of stage 9 at one size, for the municipality with the most pathways: the coordinator's
     * worklist page (HTML, a session from the development login, over HTTP) with four filters and the second page;
     * {@code GET /api/v1/gaps} as the baseline of the same query without the page; and the dashboard at T (the API
     * at several T, and the auditor's page).
     */
    private void measureAtScale(String label, int pathways) throws Exception {
        String m = text("SELECT municipality FROM pathway_municipality GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        long candidates = count("SELECT count(*) FROM pathway_municipality WHERE municipality = '" + m + "'");
        long gaps = count("SELECT count(*) FROM gap WHERE municipality = '" + m + "'");
        String unresolved = "municipality = '" + m + "' AND closed_at IS NULL AND excluded_at IS NULL";
        long open = count("SELECT count(*) FROM gap WHERE " + unresolved);
        String name = "Bench Koordinator";
        String me = PageSession.subjectOf("COORDINATOR", List.of(m), name);
        String coordinatorOfM = token("{\"roles\":[\"COORDINATOR\"],\"client\":\"bench-coord-" + m
                + "\",\"municipalities\":[\"" + m + "\"],\"minutes\":600}");
        // "assigned to me": 300 of the municipality's unresolved gaps are the coordinator's, assigned through the API
        long mine = count("SELECT count(*) FROM gap WHERE assigned_to = '" + me + "'");
        // on pathways posted through the API (stage 9's copies have no hash chain to append to)
        for (String gapId : texts("SELECT gap_id::text FROM gap WHERE " + unresolved + " AND assigned_to IS NULL "
                + "AND pathway_id NOT LIKE '%.%' ORDER BY md5(gap_id::text) LIMIT " + Math.max(0, 300 - mine))) {
            post("/api/v1/gaps/" + gapId + "/assignment", Map.of("assignee", me), coordinatorOfM, 201);
        }
        awaitReadModels(Duration.ofMinutes(10));
        mine = count("SELECT count(*) FROM gap WHERE assigned_to = '" + me + "'");
        List<String> rules = texts("SELECT rule FROM gap WHERE " + unresolved + " GROUP BY rule ORDER BY count(*) DESC, rule");
        String common = rules.get(0);
        String rare = rules.get(rules.size() - 1);

        // (a) the worklist page
        PageSession coordinator = PageSession.logIn(BASE, "COORDINATOR", List.of(m), name, "/worklist");
        Matcher next = Pattern.compile("href=\"(/worklist\\?[^\"]*cursor=[^\"]*)\"").matcher(coordinator.page("/worklist"));
        if (!next.find()) {
            throw new IllegalStateException("the worklist of " + m + " has no second page");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("default (open and prospective)", "/worklist");
        filters.put("assigned to me", "/worklist?assignee=me");
        filters.put("rule " + common + " (most unresolved)", "/worklist?rule=" + common);
        filters.put("rule " + rare + " (fewest unresolved)", "/worklist?rule=" + rare);
        filters.put("second page", next.group(1).replace("&amp;", "&"));
        String loadBefore = loadAverage();
        for (int round = 0; round < 20; round++) {
            for (String path : filters.values()) {
                coordinator.page(path);
            }
        }
        double[] serverBefore = serverTime("/worklist");
        Map<String, List<Long>> byFilter = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        for (int round = 0; round < 80; round++) {
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                long t = System.nanoTime();
                coordinator.page(filter.getValue());
                long took = System.nanoTime() - t;
                all.add(took);
                byFilter.computeIfAbsent(filter.getKey(), k -> new ArrayList<>()).add(took);
            }
        }
        double[] serverAfter = serverTime("/worklist");
        String loadAfter = loadAverage();
        double serverMean = (serverAfter[1] - serverBefore[1]) / (serverAfter[0] - serverBefore[0]) * 1000;
        record(label + ". worklist page, " + String.format("%,d", pathways) + " pathways (target p99 <= 100 ms)",
                "p50 %s, p95 %s, p99 %s, max %s over %,d requests (client on localhost; server's own mean %.1f ms "
                        + "from http.server.requests); municipality %s: %,d pathways, %,d gaps, %,d unresolved, %,d "
                        + "assigned to me; load average %s before, %s after", ms(all, 50), ms(all, 95), ms(all, 99),
                ms(all, 100), all.size(), serverMean, m, candidates, gaps, open, mine, loadBefore, loadAfter);
        byFilter.forEach((filter, nanos) -> record(label + ". worklist page, " + filter,
                "p50 %s, p99 %s, max %s (%d requests)", ms(nanos, 50), ms(nanos, 99), ms(nanos, 100), nanos.size()));

        // (c) the same query as JSON, without the page
        List<Long> json = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            get("/api/v1/gaps?municipality=" + m + "&limit=25", coordinatorOfM);
            if (i >= 50) {
                json.add(System.nanoTime() - t);
            }
        }
        record(label + ". GET /api/v1/gaps?municipality=" + m + "&limit=25 (JSON baseline)",
                "p50 %s, p99 %s (250 requests); load average %s", ms(json, 50), ms(json, 99), loadAverage());

        // (b) the dashboard at T: T now (every candidate) and at the marks of the load (fewer)
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Instant> ts = new ArrayList<>(List.of(now));
        for (int i = 0; i + 1 < loadMarks.size(); i += 2) {
            ts.add(loadMarks.get(i).plus(Duration.between(loadMarks.get(i), loadMarks.get(i + 1)).dividedBy(2)));
            ts.add(loadMarks.get(i + 1));
        }
        String dashboardBefore = loadAverage();
        get("/api/v1/audit/dashboard?municipality=" + m + "&at=" + now, auditor);
        double[] dashboardServerBefore = serverTime("/api/v1/audit/dashboard");
        List<Long> dashboard = new ArrayList<>();
        List<Long> atNow = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        long listed = 0;
        for (Instant t : ts) {
            for (int i = 0; i < (t.equals(now) ? 3 : 2); i++) {
                long start = System.nanoTime();
                JsonNode answer = get("/api/v1/audit/dashboard?municipality=" + m + "&at=" + t, auditor);
                long took = System.nanoTime() - start;
                dashboard.add(took);
                if (t.equals(now)) {
                    atNow.add(took);
                    listed = answer.get("gaps").size();
                }
                if (i == 0) {
                    judged.add(String.format("%,d (%,d settled)", answer.get("pathwaysJudged").longValue(),
                            answer.get("pathwaysSettled").longValue()));
                }
                if (!answer.get("notJudged").isEmpty()) {
                    throw new IllegalStateException("pathways not judged: " + answer.get("notJudged"));
                }
            }
        }
        double[] dashboardServerAfter = serverTime("/api/v1/audit/dashboard");
        double dashboardServer = (dashboardServerAfter[1] - dashboardServerBefore[1])
                / (dashboardServerAfter[0] - dashboardServerBefore[0]) * 1000;
        record(label + ". GET /api/v1/audit/dashboard, " + m + ", " + String.format("%,d", pathways)
                        + " pathways (target <= 5 s)",
                "at T = now (%s pathways judged, %,d gaps listed): p50 %s, max %s; over %d values of T (%s pathways "
                        + "judged): p50 %s, max %s (%d calls; the service's own mean %.1f ms from http.server.requests, "
                        + "the rest is the client reading and parsing the answer); load average %s before, %s after",
                judged.get(0), listed,
                ms(atNow, 50), ms(atNow, 100), ts.size(), String.join(" / ", judged), ms(dashboard, 50),
                ms(dashboard, 100), dashboard.size(), dashboardServer, dashboardBefore, loadAverage());

        // the whole list at T = now, as an auditor's system would fetch it: 5,000 gaps an answer, following nextCursor
        long wholeStart = System.nanoTime();
        int answers = 0;
        long wholeList = 0;
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/audit/dashboard?municipality=" + m + "&at=" + now + "&limit=5000"
                    + (cursor == null ? "" : "&cursor=" + cursor), auditor);
            answers++;
            wholeList += page.get("gaps").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);
        record(label + ". GET /api/v1/audit/dashboard, the whole list at T = now, 5,000 a page",
                "%,d gaps in %d answers, %.1f s in all; load average %s", wholeList, answers, seconds(wholeStart),
                loadAverage());

        // the auditor's page of the same, at the minute before now in Norwegian time (the page's resolution)
        PageSession auditorPage = PageSession.logIn(BASE, "AUDITOR", List.of(), "Bench Revisor", "/audit/dashboard");
        String at = java.time.LocalDateTime.ofInstant(now, java.time.ZoneId.of("Europe/Oslo"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String page = "/audit/dashboard?municipality=" + m + "&at=" + at;
        List<Long> pageTimes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            auditorPage.page(page);
            pageTimes.add(System.nanoTime() - start);
        }
        record(label + ". auditor's page /audit/dashboard, " + m + ", " + String.format("%,d", pathways) + " pathways",
                "first call %s, second %s; load average %s", ms(pageTimes.subList(0, 1), 50),
                ms(pageTimes.subList(1, 2), 50), loadAverage());
    }

    /** The service's own count and total seconds of {@code http.server.requests} for one route. */
    private double[] serverTime(String uri) throws Exception {
        JsonNode m = get("/actuator/metrics/http.server.requests?tag=uri:" + uri, operator);
        double count = 0;
        double total = 0;
        for (JsonNode x : m.get("measurements")) {
            switch (x.get("statistic").stringValue()) {
                case "COUNT" -> count = x.get("value").doubleValue();
                case "TOTAL_TIME" -> total = x.get("value").doubleValue();
                default -> { }
            }
        }
        return new double[] {count, total};
    }

    /** The machine's load average over 1, 5 and 15 minutes (the machine is shared). */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    private String text(String sql) throws Exception {
        return texts(sql).get(0);
    }

    private List<String> texts(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG + DB, "postgres", "");
             var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
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
            JsonNode s;
            try {
                s = get("/api/v1/admin/read-models", operator);
            } catch (IllegalStateException unavailable) {
                // a 503 while the read models catch up on a loaded machine (the status query's time bound): ask again
                Thread.sleep(1000);
                continue;
            }
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

    private JsonNode postResending(Object body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/events/batch"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + source)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            if (r.statusCode() != 503 || attempt == 10) {
                throw new IllegalStateException("a batch answered " + r.statusCode() + ": " + r.body());
            }
            resent.incrementAndGet();
            Thread.sleep(2000L * attempt);
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
