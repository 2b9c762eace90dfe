package org.sessionwatch.netapi;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the richest level each server will answer, shared by every backend.
 *
 * <p>Starts at the requested level (normally 502). A server that rejects a level as invalid is asked at the next one
 * in 502 → 2 → 10 → 1 → 0 (Samba answers only 0 and 1); a server that denies 502, 2 or 1 is asked at 10, then 0 (on
 * older Windows those need no admin rights). The level that worked is remembered per server so later polls cost one
 * round trip, and every {@code retryHigherEvery}-th poll asks the higher level again in case rights were granted.
 *
 * <p>A server that denies every level (a non-administrator on Windows Server 2016 and later is refused at 502, 10
 * and 0) would cost three authenticated calls per poll, each a logon event on the server and the pattern that
 * "SMB session enumeration" alerts watch for. Its refusal is remembered instead: the following polls report it
 * without asking, and only every {@code retryHigherEvery}-th poll, or the next one after {@link #retryRefusedNow()}
 * (the person pressed Refresh), walks the chain again.
 *
 * <p>Open files are asked at level 3 ({@code FILE_INFO_3}: path, user, permissions, locks) and, where a server
 * rejects 3 as an invalid level, at level 2 (ids only); that costs one extra round trip only on such servers, so
 * nothing is remembered. A decorator of one server: the actions go to the backend unchanged.
 */
public final class LevelNegotiator implements FileServer {

    private static final List<InfoLevel> INVALID_LEVEL_ORDER =
            List.of(InfoLevel.LEVEL_502, InfoLevel.LEVEL_2, InfoLevel.LEVEL_10, InfoLevel.LEVEL_1, InfoLevel.LEVEL_0);
    private static final List<InfoLevel> ACCESS_DENIED_ORDER = List.of(InfoLevel.LEVEL_10, InfoLevel.LEVEL_0);

    private final FileServer delegate;
    private final int retryHigherEvery;
    private final Map<String, Memory> memory = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

    private record Memory(InfoLevel requested, InfoLevel obtained, int pollsSinceFallback) {
    }

    /** A server that denied every level it was asked at, and how many polls have reported it since. */
    private record Refusal(InfoLevel requested, EnumerationResult.Failure failure, int pollsSkipped) {
    }

    /**
     * @param delegate         the server, which asks at exactly one level
     * @param retryHigherEvery after a fallback, ask the requested level again on every n-th poll (n ≥ 1); after a
     *                         refusal at every level, ask again (the whole chain) on every n-th poll
     */
    public LevelNegotiator(FileServer delegate, int retryHigherEvery) {
        if (retryHigherEvery < 1) {
            throw new IllegalArgumentException("retryHigherEvery must be at least 1, was " + retryHigherEvery);
        }
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
        this.retryHigherEvery = retryHigherEvery;
    }

    public LevelNegotiator(FileServer delegate) {
        this(delegate, 20);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        OpenFilesResult result = delegate.listOpenFiles(request);
        if (request.level() == FileInfoLevel.LEVEL_3 && result instanceof OpenFilesResult.Failure failure
                && failure.error().kind() == ErrorKind.INVALID_LEVEL) {
            return delegate.listOpenFiles(request.withLevel(FileInfoLevel.LEVEL_2));
        }
        return result;
    }

    @Override
    public ActionResult closeFile(long fileId) {
        return delegate.closeFile(fileId);
    }

    @Override
    public ActionResult endSession(String client, String user) {
        return delegate.endSession(client, user);
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        String key = key(request.server());
        EnumerationResult.Failure stillRefused = stillRefused(key, request);
        if (stillRefused != null) {
            return stillRefused;
        }
        InfoLevel level = startLevel(key, request.level());
        Set<InfoLevel> tried = EnumSet.noneOf(InfoLevel.class);
        while (true) {
            tried.add(level);
            EnumerationResult result = delegate.listSessions(request.withLevel(level));
            if (result instanceof EnumerationResult.Success success) {
                refused.remove(key);
                remember(key, request.level(), success.level());
                return result;
            }
            EnumerationResult.Failure failure = (EnumerationResult.Failure) result;
            InfoLevel next = nextLevel(level, failure.error().kind(), request.level(), tried);
            if (next == null) {
                if (failure.error().kind() == ErrorKind.ACCESS_DENIED) {
                    refused.put(key, new Refusal(request.level(), failure, 0));
                }
                return result;
            }
            level = next;
        }
    }

    /**
     * Asks every server that refused all levels again on its next poll, instead of after the back-off: for when the
     * person asks for a refresh (rights may just have been granted).
     */
    public void retryRefusedNow() {
        refused.clear();
    }

    /** The remembered refusal to report instead of asking, or null when the server is to be asked. */
    private EnumerationResult.Failure stillRefused(String key, EnumerationRequest request) {
        Refusal known = refused.get(key);
        if (known == null || known.requested() != request.level()) {
            return null;
        }
        int skipped = known.pollsSkipped() + 1;
        if (skipped >= retryHigherEvery) {
            refused.remove(key);
            return null;
        }
        refused.put(key, new Refusal(known.requested(), known.failure(), skipped));
        NetApiError error = known.failure().error();
        int left = retryHigherEvery - skipped;
        String notice = "SessionWatch asks " + request.server() + " again in " + left + (left == 1 ? " poll" : " polls")
                + ", or at once when you refresh (F5).";
        return new EnumerationResult.Failure(request.server(), known.failure().level(), new NetApiError(error.kind(),
                error.code(), error.message(), error.remedy() == null ? notice : error.remedy() + " " + notice));
    }

    /** The level the last successful poll of {@code server} obtained, if any. */
    public java.util.Optional<InfoLevel> rememberedLevel(String server) {
        return java.util.Optional.ofNullable(memory.get(key(server))).map(Memory::obtained);
    }

    private InfoLevel startLevel(String key, InfoLevel requested) {
        Memory known = memory.get(key);
        if (known == null || known.requested() != requested || known.obtained() == requested) {
            return requested;
        }
        int polls = known.pollsSinceFallback() + 1;
        if (polls >= retryHigherEvery) {
            memory.put(key, new Memory(requested, known.obtained(), 0));
            return requested;
        }
        memory.put(key, new Memory(requested, known.obtained(), polls));
        return known.obtained();
    }

    private void remember(String key, InfoLevel requested, InfoLevel obtained) {
        memory.compute(key, (k, old) -> old != null && old.requested() == requested && old.obtained() == obtained
                ? old
                : new Memory(requested, obtained, 0));
    }

    /** The next level to try after {@code failed} failed with {@code kind}, or null to give up. */
    static InfoLevel nextLevel(InfoLevel failed, ErrorKind kind, InfoLevel requested, Set<InfoLevel> tried) {
        List<InfoLevel> candidates = switch (kind) {
            case INVALID_LEVEL -> INVALID_LEVEL_ORDER.subList(INVALID_LEVEL_ORDER.indexOf(failed) + 1,
                    INVALID_LEVEL_ORDER.size());
            case ACCESS_DENIED -> failed == InfoLevel.LEVEL_0 ? List.of() : ACCESS_DENIED_ORDER;
            default -> List.of();
        };
        int ceiling = INVALID_LEVEL_ORDER.indexOf(requested);
        for (InfoLevel candidate : candidates) {
            // never climb above what was asked for: --level 10 must not yield level-2 rows
            if (!tried.contains(candidate) && INVALID_LEVEL_ORDER.indexOf(candidate) >= ceiling) {
                return candidate;
            }
        }
        return null;
    }

    private static String key(String server) {
        return ClientNames.strip(server).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
