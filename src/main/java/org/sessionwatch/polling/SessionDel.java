package org.sessionwatch.polling;

import java.util.Locale;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileApiStatus;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;

/**
 * Ending a session, told apart from "there was none". Samba answers {@code NetrSessionDel} with 5 (access denied)
 * both when the account may not end sessions and when no session matched. So when the answer is "access denied",
 * the server's sessions are listed with the same client and user (at the level the polls ask for, through the same
 * {@link org.sessionwatch.netapi.LevelNegotiator}): a listing that succeeds and holds no such session means the
 * session is already gone; anything else (the listing refused too, or the session is there) leaves the refusal as it
 * is. It costs one more call only in that ambiguous case, within the action's deadline.
 */
final class SessionDel {
    private SessionDel() {
    }

    /**
     * @param listing the session listing to ask on refusal: the poll's level, with {@code client} and {@code user}
     *                as its filters
     */
    static ActionResult endSession(FileServer server, String client, String user, EnumerationRequest listing) {
        ActionResult result = server.endSession(client, user);
        if (!(result instanceof ActionResult.Refused refused) || refused.error().kind() != ErrorKind.ACCESS_DENIED) {
            return result;
        }
        EnumerationResult sessions = server.listSessions(listing);
        if (sessions instanceof EnumerationResult.Success ok
                && (ok.filterMiss() != null || ok.sessions().stream().noneMatch(s -> mayBe(s, client, user)))) {
            return FileApiStatus.endSessionResult(NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND, listing.server(),
                    client, user);
        }
        return result;
    }

    /** Whether {@code session} is, or may be (its level does not carry the field), one that was to be ended. */
    private static boolean mayBe(Session session, String client, String user) {
        boolean clientMatches = client == null || session.clientName()
                .map(c -> ClientNames.strip(c).equalsIgnoreCase(ClientNames.strip(client))).orElse(true);
        boolean userMatches = user == null || session.userName()
                .map(u -> bare(u).equalsIgnoreCase(bare(user))).orElse(true);
        return clientMatches && userMatches;
    }

    private static String bare(String user) {
        return user.substring(user.lastIndexOf('\\') + 1).strip().toLowerCase(Locale.ROOT);
    }
}
