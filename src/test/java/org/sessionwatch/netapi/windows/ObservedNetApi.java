package org.sessionwatch.netapi.windows;

import java.util.function.BiConsumer;

import com.sun.jna.Pointer;

/**
 * Passes every call to another netapi32 (the scripted one or the real one) and first tells an observer about each
 * {@code NetSessionEnum} (its server name and level) and each {@code NetFileEnum}, {@code NetFileClose} and
 * {@code NetSessionDel} (the function and server name), so a test can count calls or see what ran around them.
 */
final class ObservedNetApi implements NetApiNative {
    private final NetApiNative real;
    private final BiConsumer<String, Integer> beforeEnum;
    private final BiConsumer<String, String> beforeFileCall;

    ObservedNetApi(NetApiNative real, BiConsumer<String, Integer> beforeEnum) {
        this(real, beforeEnum, (function, server) -> {
        });
    }

    /** @param beforeFileCall told the function ("NetFileEnum", "NetFileClose", "NetSessionDel") and server name */
    ObservedNetApi(NetApiNative real, BiConsumer<String, Integer> beforeEnum,
                   BiConsumer<String, String> beforeFileCall) {
        this.real = real;
        this.beforeEnum = beforeEnum;
        this.beforeFileCall = beforeFileCall;
    }

    @Override
    public EnumCall netFileEnum(String serverName, String basePath, String userName, int level, int prefMaxLen,
                                long resumeHandle) {
        beforeFileCall.accept("NetFileEnum", serverName);
        return real.netFileEnum(serverName, basePath, userName, level, prefMaxLen, resumeHandle);
    }

    @Override
    public int netFileClose(String serverName, int fileId) {
        beforeFileCall.accept("NetFileClose", serverName);
        return real.netFileClose(serverName, fileId);
    }

    @Override
    public int netSessionDel(String serverName, String uncClientName, String userName) {
        beforeFileCall.accept("NetSessionDel", serverName);
        return real.netSessionDel(serverName, uncClientName, userName);
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
