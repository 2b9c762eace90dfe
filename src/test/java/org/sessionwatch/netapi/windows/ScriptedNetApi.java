package org.sessionwatch.netapi.windows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.InfoLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted stand-in for netapi32.dll: answers {@code NetSessionEnum} and {@code NetFileEnum} calls from queues of
 * steps, checks each call's level and resume handle against the step, hands out real native buffers laid out as
 * Windows does, and counts every {@code NetApiBufferFree}, so a test can assert that each buffer was freed exactly
 * once. {@code NetApiBufferSize} answers the size of the buffer as allocated, unless a test makes it fail.
 * {@code NetFileClose} and {@code NetSessionDel} answer scripted statuses and record their arguments.
 */
final class ScriptedNetApi implements NetApiNative {

    /** The arguments of one {@code NetSessionEnum} call. */
    record Call(String serverName, String uncClientName, String userName, int level, int prefMaxLen,
                int resumeHandle) {
    }

    /**
     * One scripted answer of either enumeration: what to expect, then what to return or throw. {@code buffer} builds
     * the entries' buffer (null for none); {@code entriesRead} is what the call reports.
     */
    private record Step(int expectedLevel, long expectedResumeHandle, int status, Supplier<Memory> buffer,
                        int entriesRead, long nextResumeHandle, RuntimeException thrown, Error error) {
    }

    /** The arguments of one {@code NetFileEnum} call; the resume handle is pointer-sized. */
    record FileCall(String serverName, String basePath, String userName, int level, int prefMaxLen,
                    long resumeHandle) {
    }

    /** The arguments of one {@code NetFileClose} ({@code fileId} as the DWORD's bits) or {@code NetSessionDel}. */
    record ActionCall(String function, String serverName, Integer fileId, String uncClientName, String userName) {
    }

    private record ActionStep(String function, int status, RuntimeException thrown) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Step> fileSteps = new ArrayDeque<>();
    private final List<FileCall> fileCalls = new ArrayList<>();
    private final Deque<ActionStep> actionSteps = new ArrayDeque<>();
    private final List<ActionCall> actionCalls = new ArrayList<>();
    /** Buffers handed out, by address, in order; kept referenced so the JVM does not release them early. */
    private final Map<Long, Memory> allocated = new LinkedHashMap<>();
    private final Map<Long, Integer> frees = new LinkedHashMap<>();
    private final List<Long> unknownFrees = new ArrayList<>();
    private int freeStatus;
    private RuntimeException freeThrows;
    private Integer sizeStatus;
    private int sizeQueries;

    /** Answers a call at {@code level} with {@code resumeHandle} with {@code status}, the entries and a new handle. */
    ScriptedNetApi answer(InfoLevel level, int resumeHandle, int status, List<SessionBuffer.Entry> entries,
                          int nextResumeHandle) {
        // the real layer reads NetSessionEnum's DWORD handle unsigned
        steps.add(new Step(level.code(), resumeHandle, status, () -> SessionBuffer.build(level, entries),
                entries.size(), Integer.toUnsignedLong(nextResumeHandle), null, null));
        return this;
    }

    /** Like {@link #answer}, but reports {@code claimedEntries} as {@code entriesread} whatever the buffer holds. */
    ScriptedNetApi answerClaiming(InfoLevel level, int resumeHandle, int status, List<SessionBuffer.Entry> entries,
                                  int claimedEntries) {
        steps.add(new Step(level.code(), resumeHandle, status, () -> SessionBuffer.build(level, entries),
                claimedEntries, 0, null, null));
        return this;
    }

    /** Answers with {@code status} and no buffer, as Windows does for most errors. */
    ScriptedNetApi fail(InfoLevel level, int status) {
        steps.add(new Step(level.code(), 0, status, null, 0, 0, null, null));
        return this;
    }

    /** Throws from the native call, as JNA does for a missing export or a LastErrorException. */
    ScriptedNetApi crash(InfoLevel level, RuntimeException exception) {
        steps.add(new Step(level.code(), 0, 0, null, 0, 0, exception, null));
        return this;
    }

    ScriptedNetApi crash(InfoLevel level, Error error) {
        steps.add(new Step(level.code(), 0, 0, null, 0, 0, null, error));
        return this;
    }

    /** Answers a {@code NetFileEnum} at {@code level} with {@code resumeHandle} with the entries and a new handle. */
    ScriptedNetApi answerFiles(FileInfoLevel level, long resumeHandle, int status, List<FileBuffer.Entry> entries,
                               long nextResumeHandle) {
        fileSteps.add(new Step(level.code(), resumeHandle, status, () -> FileBuffer.build(level, entries),
                entries.size(), nextResumeHandle, null, null));
        return this;
    }

    /** Like {@link #answerFiles}, but reports {@code claimedEntries} as {@code entriesread}. */
    ScriptedNetApi answerFilesClaiming(FileInfoLevel level, int status, List<FileBuffer.Entry> entries,
                                       int claimedEntries) {
        fileSteps.add(new Step(level.code(), 0, status, () -> FileBuffer.build(level, entries), claimedEntries, 0,
                null, null));
        return this;
    }

    /** Answers a first-page {@code NetFileEnum} with {@code status} and no buffer. */
    ScriptedNetApi failFiles(FileInfoLevel level, int status) {
        fileSteps.add(new Step(level.code(), 0, status, null, 0, 0, null, null));
        return this;
    }

    /** Throws from a first-page {@code NetFileEnum}, as JNA does for a missing export. */
    ScriptedNetApi crashFiles(FileInfoLevel level, RuntimeException exception) {
        fileSteps.add(new Step(level.code(), 0, 0, null, 0, 0, exception, null));
        return this;
    }

    /** The next {@code NetFileClose} or {@code NetSessionDel} (as {@code function} names it) returns {@code status}. */
    ScriptedNetApi answerAction(String function, int status) {
        actionSteps.add(new ActionStep(function, status, null));
        return this;
    }

    /** The next {@code NetFileClose} or {@code NetSessionDel} throws {@code exception}. */
    ScriptedNetApi crashAction(String function, RuntimeException exception) {
        actionSteps.add(new ActionStep(function, 0, exception));
        return this;
    }

    /** Every later {@code NetApiBufferFree} returns {@code status} (still counted as a free). */
    ScriptedNetApi freeReturns(int status) {
        this.freeStatus = status;
        return this;
    }

    /** Every later {@code NetApiBufferSize} returns {@code status} and no size. */
    ScriptedNetApi sizeReturns(int status) {
        this.sizeStatus = status;
        return this;
    }

    /** Every later {@code NetApiBufferFree} throws {@code exception} (still counted as a free). */
    ScriptedNetApi freeThrows(RuntimeException exception) {
        this.freeThrows = exception;
        return this;
    }

    @Override
    public EnumCall netSessionEnum(String serverName, String uncClientName, String userName, int level,
                                   int prefMaxLen, int resumeHandle) {
        calls.add(new Call(serverName, uncClientName, userName, level, prefMaxLen, resumeHandle));
        return answer(steps.poll(), calls.getLast(), level, resumeHandle);
    }

    @Override
    public EnumCall netFileEnum(String serverName, String basePath, String userName, int level, int prefMaxLen,
                                long resumeHandle) {
        fileCalls.add(new FileCall(serverName, basePath, userName, level, prefMaxLen, resumeHandle));
        return answer(fileSteps.poll(), fileCalls.getLast(), level, resumeHandle);
    }

    /** Checks {@code call} against its scripted {@code step}, then answers or throws as scripted. */
    private EnumCall answer(Step step, Object call, int level, long resumeHandle) {
        if (step == null) {
            throw new AssertionError("unscripted call " + call);
        }
        if (step.expectedLevel != level || step.expectedResumeHandle != resumeHandle) {
            throw new AssertionError("expected level " + step.expectedLevel + " and resume handle "
                    + step.expectedResumeHandle + ", got " + call);
        }
        if (step.thrown != null) {
            throw step.thrown;
        }
        if (step.error != null) {
            throw step.error;
        }
        Pointer buffer = null;
        if (step.buffer != null) {
            Memory memory = step.buffer.get();
            allocated.put(Pointer.nativeValue(memory), memory);
            buffer = memory;
        }
        int entriesRead = buffer == null ? 0 : step.entriesRead;
        return new EnumCall(step.status, buffer, entriesRead, entriesRead, step.nextResumeHandle);
    }

    @Override
    public int netFileClose(String serverName, int fileId) {
        return act(new ActionCall("NetFileClose", serverName, fileId, null, null));
    }

    @Override
    public int netSessionDel(String serverName, String uncClientName, String userName) {
        return act(new ActionCall("NetSessionDel", serverName, null, uncClientName, userName));
    }

    private int act(ActionCall call) {
        actionCalls.add(call);
        ActionStep step = actionSteps.poll();
        if (step == null || !step.function.equals(call.function())) {
            throw new AssertionError("unscripted " + call);
        }
        if (step.thrown != null) {
            throw step.thrown;
        }
        return step.status;
    }


    @Override
    public int netApiBufferFree(Pointer buffer) {
        long address = Pointer.nativeValue(buffer);
        if (allocated.containsKey(address)) {
            frees.merge(address, 1, Integer::sum);
        } else {
            unknownFrees.add(address);
        }
        if (freeThrows != null) {
            throw freeThrows;
        }
        return freeStatus;
    }

    @Override
    public BufferSize netApiBufferSize(Pointer buffer) {
        long address = Pointer.nativeValue(buffer);
        Memory memory = allocated.get(address);
        if (memory == null) {
            throw new AssertionError("NetApiBufferSize of a pointer this fake never handed out: 0x"
                    + Long.toHexString(address));
        }
        if (frees.containsKey(address)) {
            throw new AssertionError("NetApiBufferSize after the buffer was freed: 0x" + Long.toHexString(address));
        }
        sizeQueries++;
        return sizeStatus != null ? new BufferSize(sizeStatus, 0) : new BufferSize(0, (int) memory.size());
    }

    int sizeQueries() {
        return sizeQueries;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<FileCall> fileCalls() {
        return List.copyOf(fileCalls);
    }

    List<ActionCall> actionCalls() {
        return List.copyOf(actionCalls);
    }

    int allocations() {
        return allocated.size();
    }

    /** Asserts that every buffer handed out was freed exactly once and nothing else was freed. */
    void assertEveryBufferFreedOnce() {
        assertThat(unknownFrees).as("frees of pointers this fake never handed out").isEmpty();
        for (Long address : allocated.keySet()) {
            assertThat(frees.getOrDefault(address, 0))
                    .as("NetApiBufferFree calls for buffer 0x%x", address).isEqualTo(1);
        }
    }

    /** Asserts that the script was used up. */
    void assertAllStepsUsed() {
        assertThat(steps).as("scripted answers never asked for").isEmpty();
        assertThat(fileSteps).as("scripted NetFileEnum answers never asked for").isEmpty();
        assertThat(actionSteps).as("scripted action answers never asked for").isEmpty();
    }
}
