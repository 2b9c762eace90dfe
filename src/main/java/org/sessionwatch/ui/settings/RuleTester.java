package org.sessionwatch.ui.settings;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.sessionwatch.config.AlertRule;
import org.sessionwatch.tracking.TrackedSession;

/** "Test against current sessions": the sessions a rule selects now, computed off the FX thread. */
@FunctionalInterface
public interface RuleTester {

    CompletionStage<List<TrackedSession>> matching(AlertRule rule);
}
