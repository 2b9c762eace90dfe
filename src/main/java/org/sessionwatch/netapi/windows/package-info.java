/**
 * The Windows backend: {@code NetSessionEnum} from netapi32.dll through JNA, with the logged-on user's token.
 *
 * <p>This is the only package that may use {@code com.sun.jna} (ArchitectureTest enforces it). Everything here except
 * {@link org.sessionwatch.netapi.windows.Netapi32Native} runs on any OS: the structures, the layout and the UTF-16LE
 * decoder are plain memory arithmetic, so they are tested on Linux against buffers laid out as Windows returns them,
 * and the native call itself sits behind {@link org.sessionwatch.netapi.windows.NetApiNative} so a scripted fake can
 * stand in for netapi32.dll. netapi32.dll is loaded only when {@code Netapi32Native.load()} runs, never when a class
 * of this package is merely referenced.
 */
package org.sessionwatch.netapi.windows;
