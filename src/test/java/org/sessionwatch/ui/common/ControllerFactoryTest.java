package org.sessionwatch.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControllerFactoryTest {
    static final class Known {
    }

    static final class Unknown {
    }

    @Test
    void createsRegisteredControllersThroughTheirSupplier() {
        Known instance = new Known();
        ControllerFactory factory = new ControllerFactory().register(Known.class, () -> instance);

        assertThat(factory.call(Known.class)).isSameAs(instance);
    }

    @Test
    void unregisteredControllerFailsFastNamingTheClass() {
        ControllerFactory factory = new ControllerFactory().register(Known.class, Known::new);

        assertThatThrownBy(() -> factory.call(Unknown.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No controller registered for " + Unknown.class.getName())
                .hasMessageContaining("[Known]");
    }

    @Test
    void registeringTwiceIsAnError() {
        ControllerFactory factory = new ControllerFactory().register(Known.class, Known::new);

        assertThatThrownBy(() -> factory.register(Known.class, Known::new))
                .hasMessageContaining("registered twice");
    }

    @Test
    void withAddsOneControllerWithoutChangingTheOriginal() {
        ControllerFactory base = new ControllerFactory().register(Known.class, Known::new);
        ControllerFactory extended = base.with(Unknown.class, Unknown::new);

        assertThat(extended.call(Unknown.class)).isInstanceOf(Unknown.class);
        assertThat(extended.call(Known.class)).isInstanceOf(Known.class);
        assertThatThrownBy(() -> base.call(Unknown.class)).isInstanceOf(IllegalStateException.class);
    }
}
