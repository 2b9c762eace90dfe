package org.sessionwatch.polling;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;

/**
 * The optional TCP pre-check: can a connection to the server's SMB port be opened at all? A server that is off or
 * firewalled then fails in at most the check's timeout instead of the operating system's 20-odd seconds.
 */
final class Reachability {

    private Reachability() {
    }

    /** Empty when {@code host:port} accepts a connection within {@code timeout}; otherwise the reason, as data. */
    static Optional<NetApiError> check(String host, int port, Duration timeout) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String remedy = NetApiStatus.unreachableRemedy(port);
        try (Socket socket = new Socket()) {
            InetSocketAddress address = new InetSocketAddress(bare, port);
            if (address.isUnresolved()) {
                return Optional.of(new NetApiError(ErrorKind.UNREACHABLE, NetApiStatus.ERROR_BAD_NETPATH,
                        "The name " + host + " could not be resolved.", "Check the spelling and the DNS suffix."));
            }
            socket.connect(address, (int) Math.max(1, timeout.toMillis()));
            return Optional.empty();
        } catch (ConnectException e) {
            return Optional.of(new NetApiError(ErrorKind.UNREACHABLE, NetApiStatus.ERROR_BAD_NETPATH,
                    host + " refused a connection on TCP port " + port + ".", remedy));
        } catch (SocketTimeoutException e) {
            return Optional.of(new NetApiError(ErrorKind.UNREACHABLE, NetApiStatus.ERROR_BAD_NETPATH,
                    host + " did not accept a connection on TCP port " + port + " within " + timeout.toMillis()
                            + " ms.", remedy));
        } catch (UnknownHostException e) {
            return Optional.of(new NetApiError(ErrorKind.UNREACHABLE, NetApiStatus.ERROR_BAD_NETPATH,
                    "The name " + host + " could not be resolved.", "Check the spelling and the DNS suffix."));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return Optional.of(new NetApiError(ErrorKind.UNREACHABLE, NetApiStatus.ERROR_BAD_NETPATH,
                    host + " could not be reached on TCP port " + port + " (" + e.getMessage() + ").", remedy));
        }
    }
}
