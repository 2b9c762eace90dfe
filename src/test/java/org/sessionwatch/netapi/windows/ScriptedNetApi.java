package org.sessionwatch.netapi.windows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.sessionwatch.netapi.InfoLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted stand-in for netapi32.dll: answers {@code NetSessionEnum} calls from a queue of steps, checks each
 * call's level and resume handle against the step, hands out real native buffers laid out as Windows does, and
 * counts every {@code NetApiBufferFree}, so a test can assert that each buffer was freed exactly once.
 * {@code NetApiBufferSize} answers the size of the buffer as allocated, unless a test makes it fail.
 */
final class ScriptedNetApi implements NetApiNative {

    /** The arguments of one {@code NetSessionEnum} call. */
    record Call(String serverName, String uncClientName, String userName, int level, int prefMaxLen,
                int resumeHandle) {
    }

    /** One scripted answer: what to expect, then what to return or throw. */
    private record Step(int expectedLevel, int expectedResumeHandle, int status, List<SessionBuffer.Entry> entries,
                        Integer claimedEntries, int nextResumeHandle, RuntimeException thrown, Error error) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
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
        steps.add(new Step(level.code(), resumeHandle, status, entries, null, nextResumeHandle, null, null));
        return this;
    }

    /** Like {@link #answer}, but reports {@code claimedEntries} as {@code entriesread} whatever the buffer holds. */
    ScriptedNetApi answerClaiming(InfoLevel level, int resumeHandle, int status, List<SessionBuffer.Entry> entries,
                                  int claimedEntries) {
        steps.add(new Step(level.code(), resumeHandle, status, entries, claimedEntries, 0, null, null));
        return this;
    }

    /** Answers with {@code status} and no buffer, as Windows does for most errors. */
    ScriptedNetApi fail(InfoLevel level, int status) {
        steps.add(new Step(level.code(), 0, status, null, null, 0, null, null));
        return this;
    }

    /** Throws from the native call, as JNA does for a missing export or a LastErrorException. */
    ScriptedNetApi crash(InfoLevel level, RuntimeException exception) {
        steps.add(new Step(level.code(), 0, 0, null, null, 0, exception, null));
        return this;
    }

    ScriptedNetApi crash(InfoLevel level, Error error) {
        steps.add(new Step(level.code(), 0, 0, null, null, 0, null, error));
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
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("unscripted NetSessionEnum call " + calls.getLast());
        }
        if (step.expectedLevel != level || step.expectedResumeHandle != resumeHandle) {
            throw new AssertionError("expected level " + step.expectedLevel + " and resume handle "
                    + step.expectedResumeHandle + ", got " + calls.getLast());
        }
        if (step.thrown != null) {
            throw step.thrown;
        }
        if (step.error != null) {
            throw step.error;
        }
        Pointer buffer = null;
        int entriesRead = 0;
        if (step.entries != null) {
            Memory memory = SessionBuffer.build(InfoLevel.ofCode(level).orElseThrow(), step.entries);
            allocated.put(Pointer.nativeValue(memory), memory);
            buffer = memory;
            entriesRead = step.claimedEntries != null ? step.claimedEntries : step.entries.size();
        }
        return new EnumCall(step.status, buffer, entriesRead, entriesRead, step.nextResumeHandle);
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
    }
}
