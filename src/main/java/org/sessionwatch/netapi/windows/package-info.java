/**
 * The Windows backend: {@code NetSessionEnum}, {@code NetFileEnum}, {@code NetFileClose} and {@code NetSessionDel} from
 * netapi32.dll through JNA, with the signed-in user's token or, for a server with a user name, a new-credentials logon
 * of that account ({@link org.sessionwatch.netapi.windows.AlternateLogon}).
 *
 * <p>This is the only package that may use {@code com.sun.jna} (ArchitectureTest enforces it). Everything here except
 * {@link org.sessionwatch.netapi.windows.Netapi32Native} runs on any OS: the structures, the layout and the UTF-16LE
 * decoder are plain memory arithmetic, so they are tested on Linux against buffers laid out as Windows returns them,
 * and the native calls sit behind {@link org.sessionwatch.netapi.windows.NetApiNative} and
 * {@link org.sessionwatch.netapi.windows.LogonNative} so scripted fakes can stand in for netapi32.dll and
 * advapi32.dll. A DLL is loaded only when {@code Netapi32Native.load()} or {@code Advapi32Native.load()} runs (once
 * per process, a failure remembered), never when a class of this package is merely referenced.
 */
package org.sessionwatch.netapi.windows;
