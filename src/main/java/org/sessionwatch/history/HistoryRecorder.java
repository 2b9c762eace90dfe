package org.sessionwatch.history;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertStore;
import org.sessionwatch.concurrent.NamedThreads;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.tracking.FilesUpdate;
import org.sessionwatch.tracking.TrackerUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records tracker updates into the history database: a {@link TrackerUpdate} subscriber that only queues (never
 * blocks, never throws), and one writer thread that owns the database connection, writes each batch of queued
 * updates in one transaction and, when the queue is empty, deletes expired rows in small batches.
 *
 * <p>Nothing here can stop polling or the live table: a full queue drops the update, a failing write is rolled back
 * and reported through {@link #status()} and the listener, and a database found damaged is moved aside and started
 * anew ({@link HistoryDatabase}).
 *
 * <p>It is also the {@link AlertStore} of the run's fired alerts: they are appended on the same writer thread, in the
 * transaction of the updates queued with them.
 */
public final class HistoryRecorder implements Consumer<TrackerUpdate>, AlertStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);
    /** About two cycles of a 500-server estate whose servers are applied one by one as they answer. */
    static final int QUEUE_CAPACITY = 1024;
    private static final int MAX_GROUP = 256;
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);
    /**
     * Retention starts this long after the recorder: the first answer of every server looks up the intervals it
     * continues, on a cold file, and deleting at the same time would only make both slower.
     */
    static final Duration RETENTION_FIRST_AFTER = Duration.ofMinutes(1);
    /**
     * A retention batch should take about this long, so that a write queued meanwhile waits at most one batch. Small
     * because a batch's cost varies with how many of the pages it touches are cached: a batch sized on warm pages
     * can take ten times longer on cold ones.
     */
    private static final long RETENTION_BATCH_TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** The most rows one batch may delete, whatever the last batches took (see the target above). */
    static final int RETENTION_MAX_BATCH = 500;
    private static final Queued STOP = new Queued(null, 0);

    /** A {@link TrackerUpdate}, a {@link FilesUpdate} or a {@link WriterTask}, with when it was queued. */
    private record Queued(Object update, long queuedAtNanos) {
    }

    /**
     * Counters for the benchmark and the status bar.
     *
     * @param maxWaitNanos longest time an update waited in the queue before the writer took it
     * @param cpuNanos     CPU time of the writer thread
     */
    public record Metrics(long updates, long intervalWrites, long maxWaitNanos, long cpuNanos, long retentionDeleted,
                          long retentionMaxBatchNanos) {
    }

    private final Path file;
    private final Duration retention;
    private final Duration retentionAfter;
    private final Duration maxGap;
    private final Clock clock;
    private final Consumer<HistoryStatus> listener;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong queueDrops = new AtomicLong();
    private final Object progress = new Object();
    private final Thread writer;
    private final WriteTimings timings = new WriteTimings(5);
    private volatile boolean accepting = true;
    private volatile HistoryStatus status;
    private long submitted;
    private long processed;
    private long failedDrops;
    private volatile Metrics metrics = new Metrics(0, 0, 0, 0, 0, 0);
    private long retentionDeleted;
    private long retentionMaxBatchNanos;
    /** Starts small: the first batches read cold pages; it grows while batches stay under the target. */
    private int retentionBatch = 50;

    private HistoryDatabase database;
    private Connection connection;
    private HistoryWrites writes;
    private HistoryIngest ingest;
    private FileHistory files;
    private WalCheckpointer checkpointer;

    /**
     * Starts recording into {@code file}; the database is opened on the writer thread, so this returns at once.
     *
     * @param retention how long rows are kept after their end
     * @param maxGap    longest pause between two polls that still counts as continuous coverage
     * @param listener  told of every change of {@link #status()}, on the writer thread
     */
    public static HistoryRecorder start(Path file, Duration retention, Duration maxGap, Clock clock,
                                        Consumer<HistoryStatus> listener) {
        return start(file, retention, maxGap, clock, listener, RETENTION_FIRST_AFTER);
    }

    /** As above, with the first retention run {@code retentionAfter} after the start (tests, benchmarks). */
    static HistoryRecorder start(Path file, Duration retention, Duration maxGap, Clock clock,
                                 Consumer<HistoryStatus> listener, Duration retentionAfter) {
        HistoryRecorder recorder = new HistoryRecorder(file, retention, maxGap, clock, listener, retentionAfter);
        recorder.writer.start();
        return recorder;
    }

    private HistoryRecorder(Path file, Duration retention, Duration maxGap, Clock clock,
                            Consumer<HistoryStatus> listener, Duration retentionAfter) {
        this.retentionAfter = Objects.requireNonNull(retentionAfter, "retentionAfter");
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.retention = Objects.requireNonNull(retention, "retention");
        this.maxGap = Objects.requireNonNull(maxGap, "maxGap");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.status = new HistoryStatus(HistoryStatus.State.STARTING, this.file, Optional.empty(), 0);
        this.writer = NamedThreads.daemon("sessionwatch-history").newThread(this::run);
    }

    /** Queues an update for the writer; drops it (and says so in the status) when the writer is far behind. */
    @Override
    public void accept(TrackerUpdate update) {
        enqueue(update);
    }

    /**
     * Queues an open-files answer's changes ({@link org.sessionwatch.tracking.OpenFilesTracker}'s updates) for the
     * writer, like {@link #accept}: subscribe this to the open-files tracker to keep open files in the history.
     */
    public void acceptFiles(FilesUpdate update) {
        // An answer that changed nothing still says when its files were last seen (no row is written for it).
        if (!update.events().isEmpty() || update.result() instanceof OpenFilesResult.Success) {
            enqueue(update);
        }
    }

    /** Queues fired alerts for the writer, as {@link #accept} queues updates. */
    @Override
    public void append(List<Alert> alerts) {
        List<Alert> copy = List.copyOf(alerts);
        enqueue((WriterTask) connection -> AlertHistory.append(connection, copy));
    }

    /** Reads the kept alerts on the writer thread (after what is queued before it); fails when history is off. */
    @Override
    public CompletionStage<List<Alert>> fired(Instant from, Instant until) {
        CompletableFuture<List<Alert>> answer = new CompletableFuture<>();
        WriterTask read = AlertHistory.read(from, until, answer, file);
        if (!enqueue(read)) {
            read.abandon("History is not being recorded" + status.message().map(m -> ": " + m).orElse("."));
        }
        return answer;
    }

    private boolean enqueue(Object update) {
        if (!accepting) {
            return false;
        }
        synchronized (progress) {
            if (!queue.offer(new Queued(update, System.nanoTime()))) {
                queueDrops.incrementAndGet();
                return false;
            }
            submitted++;
            return true;
        }
    }

    public HistoryStatus status() {
        return status;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The slowest writes so far, queued to committed, with what went on around them (the retention figure). */
    List<WriteTimings.SlowWrite> slowestWrites() {
        return timings.slowest();
    }

    /** Waits until every update queued so far is written (or failed); false on timeout. For tests and shutdown. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = submitted;
            while (processed < target && writer.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /**
     * Writes what is queued (waiting at most 10 s), then closes the database. An interrupt does not cut the wait short
     * (Ctrl+C interrupts the CLI's main thread, and the last poll's changes should still be kept); it is restored.
     */
    @Override
    public void close() {
        accepting = false;
        boolean interrupted = false;
        boolean stopQueued = false;
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (!stopQueued) {
                    queue.put(STOP);
                    stopQueued = true;
                }
                long left = end - System.nanoTime();
                if (left > 0) {
                    writer.join(Duration.ofNanos(left));
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("The history writer did not finish within 10 s; the last updates may be missing");
        }
    }

    private void run() {
        try {
            if (!openDatabase(HistoryDatabase.Mode.RECORD)) {
                return;
            }
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
            accepting = false;
            abandonQueued("History recording stopped before the alerts could be read.");
            report(HistoryStatus.State.STOPPED, status.message().orElse(null));
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void loop() throws InterruptedException {
        long nextRetention = System.nanoTime() + retentionAfter.toNanos();
        List<Queued> group = new ArrayList<>();
        while (true) {
            boolean retentionDue = System.nanoTime() - nextRetention >= 0;
            Queued first = retentionDue ? queue.poll()
                    : queue.poll(nextRetention - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (first == null) {
                if (retentionDue && !retentionBatch()) {
                    nextRetention = System.nanoTime() + RETENTION_EVERY.toNanos();
                }
                continue;
            }
            group.clear();
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            boolean stop = group.remove(STOP);
            if (!group.isEmpty()) {
                write(group);
            }
            if (stop && ingest != null) {
                closeOpenIntervals();
            }
            if (stop || ingest == null) {
                // stopped, or a damaged database could not be replaced: nothing more can be recorded
                return;
            }
        }
    }

    private boolean openDatabase(HistoryDatabase.Mode mode) {
        try {
            database = HistoryDatabase.open(file, mode, clock.instant());
            connection = database.connect();
            writes = new HistoryWrites(connection);
            checkpointer = WalCheckpointer.start(database, connection);
            int closed = writes.closeUnobserved();
            if (closed > 0) {
                LOG.info("History: {} intervals left open by the previous run were closed at their last sighting",
                        closed);
            }
            ingest = new HistoryIngest(writes.maxIds(), maxGap);
            files = new FileHistory(connection);
            files.closeUnobserved();
            report(HistoryStatus.State.RECORDING, database.notice().orElse(null));
            return true;
        } catch (HistoryException | SQLException e) {
            String message = "History is not being recorded: " + plain(e) + " Polling goes on without it.";
            LOG.warn(message, e);
            accepting = false;
            abandonQueued(message);
            report(HistoryStatus.State.STOPPED, message);
            return false;
        }
    }

    /** Empties the queue; whoever waits for a read is told {@code reason}. */
    private void abandonQueued(String reason) {
        List<Queued> left = new ArrayList<>();
        queue.drainTo(left);
        for (Queued queued : left) {
            if (queued.update() instanceof WriterTask task) {
                task.abandon(reason);
            }
        }
    }

    private void write(List<Queued> group) {
        long cpuBefore = cpuTime();
        long now = System.nanoTime();
        long maxWait = metrics.maxWaitNanos();
        long firstQueued = now;
        for (Queued queued : group) {
            maxWait = Math.max(maxWait, now - queued.queuedAtNanos());
            firstQueued = Math.min(firstQueued, queued.queuedAtNanos());
        }
        long updates = group.stream().filter(q -> !(q.update() instanceof WriterTask)).count();
        try {
            for (Queued queued : group) {
                switch (queued.update()) {
                    case TrackerUpdate update -> ingest.apply(update, writes);
                    case FilesUpdate update -> files.apply(update);
                    case WriterTask task -> {
                        // Interval rows first: a task reads or appends after the updates queued before it.
                        writes.flushBatches();
                        task.run(connection);
                    }
                    default -> throw new IllegalStateException("Unknown queued item " + queued.update());
                }
            }
            files.flush();
            writes.flushBatches();
            long executed = System.nanoTime();
            writes.commit();
            timings.write(firstQueued, now, executed, System.nanoTime(), group.size(), checkpointer::describe);
            checkpointer.committed(queue.isEmpty());
            if (status.state() != HistoryStatus.State.RECORDING || queueDrops.get() > 0) {
                report(HistoryStatus.State.RECORDING, dropNote());
            }
        } catch (SQLException | RuntimeException e) {
            writes.rollback();
            ingest.forget();
            files.forget();
            failedDrops += group.size();
            String message = "History could not be written to " + file + ": " + plain(e)
                    + " Polling goes on; history has a gap until this is fixed.";
            if (status.state() != HistoryStatus.State.FAILING) {
                LOG.warn(message, e);
            }
            report(HistoryStatus.State.FAILING, message);
            if (e instanceof SQLException sql && isDamage(sql)) {
                reopenDamaged();
            }
        } finally {
            Metrics m = metrics;
            metrics = new Metrics(m.updates() + updates, ingest == null ? 0 : ingest.intervalWrites(), maxWait,
                    m.cpuNanos() + cpuTime() - cpuBefore, retentionDeleted, retentionMaxBatchNanos);
            synchronized (progress) {
                processed += group.size();
                progress.notifyAll();
            }
        }
    }

    /**
     * Deletes small batches of expired rows, one table at a time, each in a transaction of its own, and stops as
     * soon as a write is queued: the write goes first and retention continues when the queue is empty again. False
     * when nothing was left to delete.
     */
    private boolean retentionBatch() {
        long cutoff = clock.instant().minus(retention).toEpochMilli();
        boolean more = false;
        try {
            for (HistoryWrites.Expired kind : HistoryWrites.Expired.values()) {
                if (!queue.isEmpty()) {
                    return true;
                }
                long started = System.nanoTime();
                int deleted = writes.deleteBefore(kind, cutoff, retentionBatch);
                long took = System.nanoTime() - started;
                retentionMaxBatchNanos = Math.max(retentionMaxBatchNanos, took);
                timings.retentionBatch(kind.name(), deleted, started, started + took);
                // Keep each batch near the target so that a write arriving meanwhile waits one short batch at most.
                if (took > RETENTION_BATCH_TARGET_NANOS && retentionBatch > 10) {
                    retentionBatch /= 2;
                } else if (took < RETENTION_BATCH_TARGET_NANOS / 2 && deleted == retentionBatch) {
                    retentionBatch = Math.min(RETENTION_MAX_BATCH, retentionBatch * 2);
                }
                retentionDeleted += deleted;
                if (deleted > 0) {
                    checkpointer.committed(queue.isEmpty());
                }
                more |= deleted > 0;
            }
            if (!more) {
                // Sessions and files are done for this round; the few alerts of the same age go in one statement.
                AlertHistory.deleteBefore(connection, cutoff);
                connection.commit();
            }
        } catch (SQLException e) {
            writes.rollback();
            LOG.warn("Deleting expired history failed; it is tried again in an hour", e);
            return false;
        } finally {
            Metrics m = metrics;
            metrics = new Metrics(m.updates(), m.intervalWrites(), m.maxWaitNanos(), m.cpuNanos(), retentionDeleted,
                    retentionMaxBatchNanos);
        }
        return more;
    }

    /**
     * Recording stops: what is still open was seen up to its server's last answer, and nobody knows what happened
     * after. Closing it now keeps "open at T" from claiming sessions nobody watched; if it is still there at the next
     * start, its interval is continued.
     */
    private void closeOpenIntervals() {
        try {
            writes.closeUnobserved();
            files.closeOpen();
        } catch (SQLException e) {
            LOG.warn("Closing the open history intervals failed; the next start closes them", e);
        }
    }

    private void reopenDamaged() {
        closeConnection();
        openDatabase(HistoryDatabase.Mode.RECOVER);
    }

    private void closeConnection() {
        if (files != null) {
            files.close();
        }
        if (writes != null) {
            writes.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the history database failed", e);
            }
        }
        writes = null;
        connection = null;
        ingest = null;
        files = null;
        checkpointer = null;
    }

    private String dropNote() {
        long dropped = queueDrops.get() + failedDrops;
        return dropped == 0 ? null : dropped + " poll updates could not be recorded (the writer fell behind or"
                + " failed); history has gaps there.";
    }

    private void report(HistoryStatus.State state, String message) {
        HistoryStatus next = new HistoryStatus(state, file, Optional.ofNullable(message),
                queueDrops.get() + failedDrops);
        if (next.equals(status)) {
            return;
        }
        status = next;
        try {
            listener.accept(next);
        } catch (RuntimeException e) {
            LOG.warn("A history status listener failed", e);
        }
    }

    static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        return primary == 11 || primary == 26;
    }

    /** The cause in words a helpdesk agent can act on. */
    static String plain(Exception e) {
        if (e instanceof HistoryException) {
            return e.getMessage();
        }
        if (e instanceof SQLException sql) {
            return switch (sql.getErrorCode() & 0xFF) {
                case 13 -> "the disk is full. Free some space, or lower historyRetentionDays.";
                case 5, 6 -> "another program holds the history database locked. Close other SessionWatch windows"
                        + " or commands that record into the same file.";
                case 8 -> "the file is read-only. Check its permissions.";
                case 10 -> "the disk could not be written (" + sql.getMessage() + ").";
                case 11, 26 -> "the database file is damaged; it is moved aside and a new one is started.";
                default -> sql.getMessage();
            };
        }
        return String.valueOf(e.getMessage());
    }

    private static long cpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }
}
