package org.sessionwatch.netapi.windows;

import java.util.function.BiConsumer;

import com.sun.jna.Pointer;

/**
 * Passes every call to another netapi32 (the scripted one or the real one) and first tells an observer about each
 * {@code NetSessionEnum}: its server name and level, so a test can count calls or see what ran around them.
 */
final class ObservedNetApi implements NetApiNative {
    private final NetApiNative real;
    private final BiConsumer<String, Integer> beforeEnum;

    ObservedNetApi(NetApiNative real, BiConsumer<String, Integer> beforeEnum) {
        this.real = real;
        this.beforeEnum = beforeEnum;
    }

    @Override
    public EnumCall netSessionEnum(String serverName, String uncClientName, String userName, int level,
                                   int prefMaxLen, int resumeHandle) {
        beforeEnum.accept(serverName, level);
        return real.netSessionEnum(serverName, uncClientName, userName, level, prefMaxLen, resumeHandle);
    }

    @Override
    public int netApiBufferFree(Pointer buffer) {
        return real.netApiBufferFree(buffer);
    }

    @Override
    public BufferSize netApiBufferSize(Pointer buffer) {
        return real.netApiBufferSize(buffer);
    }
}
