package org.sessionwatch.netapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionTest {

    private static final long DWORD_MAX = 4_294_967_295L;

    private static Session.Builder full() {
        return Session.builder("FS01", InfoLevel.LEVEL_502)
                .clientName("\\\\10.1.2.3").userName("alice").openCount(3).activeSeconds(60).idleSeconds(5)
                .userFlags(0).clientType("Windows 11 Pro 22631").transport("\\Device\\NetbiosSmb");
    }

    @Test
    void unsignedDwordsRoundTripUpToTheMaximum() {
        Session session = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("x")
                .openCount(DWORD_MAX).activeSeconds(DWORD_MAX).idleSeconds(0x8000_0000L).userFlags(DWORD_MAX).build();

        assertThat(session.openCount()).hasValue(DWORD_MAX);
        assertThat(session.activeSeconds()).hasValue(DWORD_MAX);
        assertThat(session.idleSeconds()).hasValue(2_147_483_648L);
        assertThat(session.userFlags()).hasValue(DWORD_MAX);
        assertThat(session.isGuest()).isTrue();
        assertThat(session.isUnencrypted()).isTrue();
    }

    @Test
    void rejectsNumbersOutsideADword() {
        Session.Builder builder = Session.builder("FS01", InfoLevel.LEVEL_502);

        assertThatThrownBy(() -> builder.openCount(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1").hasMessageContaining("Open files");
        assertThatThrownBy(() -> builder.idleSeconds(DWORD_MAX + 1)).hasMessageContaining("4294967296");
    }

    @Test
    void absentIsDifferentFromZero() {
        Session absent = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("x").build();
        Session zero = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("x").openCount(0).activeSeconds(0)
                .idleSeconds(0).userFlags(0).userName("").build();

        assertThat(absent.openCount()).isEmpty();
        assertThat(absent.activeSeconds()).isEmpty();
        assertThat(absent.idleSeconds()).isEmpty();
        assertThat(absent.userFlags()).isEmpty();
        assertThat(absent.userName()).isEmpty();
        assertThat(absent.isPresent(SessionField.OPEN_COUNT)).isFalse();
        assertThat(zero.openCount()).hasValue(0);
        assertThat(zero.userName()).hasValue("");
        assertThat(zero.isPresent(SessionField.OPEN_COUNT)).isTrue();
        assertThat(absent).isNotEqualTo(zero);
        assertThat(absent.isGuest()).isFalse();
    }

    @Test
    void nullStringsAreAbsent() {
        Session session = Session.builder("FS01", InfoLevel.LEVEL_502).clientName(null).userName(null)
                .clientType(null).transport(null).build();

        assertThat(session.clientName()).isEmpty();
        assertThat(session.userName()).isEmpty();
        assertThat(session.clientType()).isEmpty();
        assertThat(session.transport()).isEmpty();
        assertThat(session.toString()).contains("user=null");
    }

    @Test
    void builderRejectsFieldsTheLevelLacks() {
        assertThatThrownBy(() -> Session.builder("FS01", InfoLevel.LEVEL_0).userName("alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Level 0")
                .hasMessageContaining("USER_NAME");
        assertThatThrownBy(() -> Session.builder("FS01", InfoLevel.LEVEL_10).openCount(1))
                .hasMessageContaining("Level 10");
        assertThatThrownBy(() -> Session.builder("FS01", InfoLevel.LEVEL_10).userFlags(1))
                .hasMessageContaining("Level 10");
        assertThatThrownBy(() -> Session.builder("FS01", InfoLevel.LEVEL_1).clientType("Unix"))
                .hasMessageContaining("Level 1");
        assertThatThrownBy(() -> Session.builder("FS01", InfoLevel.LEVEL_2).transport("QUIC"))
                .hasMessageContaining("Level 2");
        // and accepts what each level carries
        assertThat(Session.builder("FS01", InfoLevel.LEVEL_10).clientName("x").userName("u").activeSeconds(1)
                .idleSeconds(1).build().level()).isEqualTo(InfoLevel.LEVEL_10);
        assertThat(Session.builder("FS01", InfoLevel.LEVEL_2).clientType("Unix").userFlags(1).build().isGuest())
                .isTrue();
    }

    @Test
    void stripsTheLeadingBackslashesOfClientNames() {
        assertThat(full().build().clientName()).hasValue("10.1.2.3");
        assertThat(Session.builder("FS01", InfoLevel.LEVEL_0).clientName("PC042").build().clientName())
                .hasValue("PC042");
        assertThat(Session.builder("FS01", InfoLevel.LEVEL_0).clientName("\\\\\\\\odd").build().clientName())
                .hasValue("\\\\odd");
        assertThat(ClientNames.strip(null)).isNull();
        assertThat(ClientNames.toUnc("\\\\PC042")).isEqualTo("\\\\PC042");
        assertThat(ClientNames.toUnc("PC042")).isEqualTo("\\\\PC042");
    }

    @Test
    void equalityCoversEveryFieldAndTheLevel() {
        Session a = full().build();
        Session b = full().build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a).isNotEqualTo(full().openCount(4).build());
        assertThat(a).isNotEqualTo(full().idleSeconds(6).build());
        assertThat(a).isNotEqualTo(full().userName("bob").build());
        assertThat(a).isNotEqualTo(full().clientName("10.1.2.4").build());
        assertThat(a).isNotEqualTo(full().transport("QUIC").build());
        assertThat(a).isNotEqualTo(Session.builder("FS02", InfoLevel.LEVEL_502).clientName("10.1.2.3").build());
        Session level0 = Session.builder("FS01", InfoLevel.LEVEL_0).clientName("x").build();
        Session level10 = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("x").build();
        assertThat(level0).isNotEqualTo(level10);
        assertThat(a).isNotEqualTo(null).isNotEqualTo("FS01");
    }

    @Test
    void userFlagsDescribeThemselves() {
        assertThat(UserFlags.describe(0)).isEmpty();
        assertThat(UserFlags.describe(UserFlags.GUEST | UserFlags.NOENCRYPTION)).containsExactly("guest",
                "no encryption");
        assertThat(UserFlags.describe(0x10 | UserFlags.GUEST)).containsExactly("guest", "0x10");
    }
}
