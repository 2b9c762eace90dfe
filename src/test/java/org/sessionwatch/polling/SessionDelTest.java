package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileApiStatus;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.FilterMiss;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;

/** "Access denied" from NetSessionDel is told apart from "no such session" by listing the sessions. */
class SessionDelTest {
    private static final EnumerationRequest LISTING =
            new EnumerationRequest("NAS", InfoLevel.LEVEL_502, "10.0.0.7", "bob", NetApiStatus.MAX_PREFERRED_LENGTH);

    private final List<String> calls = new ArrayList<>();

    private FileServerBase samba(Function<EnumerationRequest, EnumerationResult> sessions) {
        return new FileServerBase("NAS", Capabilities.all()) {
            @Override
            public ActionResult endSession(String client, String user) {
                calls.add("del " + client + " " + user);
                return FileApiStatus.endSessionResult(NetApiStatus.ERROR_ACCESS_DENIED, "NAS", client, user);
            }

            @Override
            public EnumerationResult listSessions(EnumerationRequest request) {
                calls.add("list " + request.client().orElse(null) + " " + request.user().orElse(null));
                return sessions.apply(request);
            }
        };
    }

    private static EnumerationResult listed(Session... sessions) {
        return new EnumerationResult.Success("NAS", InfoLevel.LEVEL_1, List.of(sessions));
    }

    private static Session session(String client, String user) {
        return Session.builder("NAS", InfoLevel.LEVEL_1).clientName(client).userName(user).build();
    }

    @Test
    void deniedWhileTheListingHasNoSuchSessionMeansAlreadyGone() {
        ActionResult result = SessionDel.endSession(samba(r -> listed(session("10.0.0.8", "bob"))), "10.0.0.7", "bob",
                LISTING);

        assertThat(result).isInstanceOfSatisfying(ActionResult.AlreadyGone.class,
                gone -> assertThat(gone.detail()).contains("NAS", "bob", "10.0.0.7"));
        assertThat(calls).containsExactly("del 10.0.0.7 bob", "list 10.0.0.7 bob");
    }

    @Test
    void aFilterTheServerSaysMatchedNothingMeansAlreadyGone() {
        ActionResult result = SessionDel.endSession(samba(r -> new EnumerationResult.Success("NAS", InfoLevel.LEVEL_1,
                List.of(), FilterMiss.USER)), null, "bob", LISTING);

        assertThat(result).isInstanceOf(ActionResult.AlreadyGone.class);
    }

    @Test
    void deniedWhileTheSessionIsListedStaysARefusal() {
        ActionResult result = SessionDel.endSession(samba(r -> listed(session("\\\\10.0.0.7", "CORP\\BOB"))),
                "10.0.0.7", "bob", LISTING);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class,
                refused -> assertThat(refused.error().code()).isEqualTo(5));
    }

    @Test
    void aLevelWithoutUserNamesCannotProveTheSessionGone() {
        Session levelZero = Session.builder("NAS", InfoLevel.LEVEL_0).clientName("10.0.0.7").build();

        assertThat(SessionDel.endSession(samba(r -> listed(levelZero)), "10.0.0.7", "bob", LISTING))
                .isInstanceOf(ActionResult.Refused.class);
    }

    @Test
    void aListingThatIsRefusedTooLeavesTheRefusal() {
        ActionResult result = SessionDel.endSession(samba(r -> new EnumerationResult.Failure("NAS", InfoLevel.LEVEL_0,
                NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, "NAS"))), "10.0.0.7", null, LISTING);

        assertThat(result).isInstanceOf(ActionResult.Refused.class);
    }

    @Test
    void anythingButAccessDeniedIsAnsweredWithoutListing() {
        FileServerBase windows = new FileServerBase("FS01", Capabilities.all()) {
            @Override
            public ActionResult endSession(String client, String user) {
                return FileApiStatus.endSessionResult(NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND, "FS01", client, user);
            }

            @Override
            public EnumerationResult listSessions(EnumerationRequest request) {
                throw new AssertionError("not asked");
            }
        };

        assertThat(SessionDel.endSession(windows, "PC7", null, LISTING)).isInstanceOf(ActionResult.AlreadyGone.class);
    }
}
