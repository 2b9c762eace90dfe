package org.sessionwatch.ui.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a confirmation says before a destructive action: exactly which items on which servers, what the user may lose,
 * and whether it only touches the demo fleet. Built before the dialog; the dialog only shows it.
 *
 * @param title   the dialog title, e.g. "Close 2 files?"
 * @param intro   one sentence on what SessionWatch will do
 * @param items   one line per item (server, path, user, client)
 * @param warnings what may be lost, always shown
 * @param demo    the notice that only simulated servers are touched, or null for real servers
 * @param confirm the label of the button that does it (the dialog's default is Cancel)
 */
public record ActionPlan(String title, String intro, List<ActionTarget> targets, List<String> items,
                         List<String> warnings, String demo, String confirm) {

    static final String DEMO_NOTICE = "Demo data: these servers are simulated. The demo fleet closes its simulated"
            + " files and sessions; no real server, file or user is touched.";

    public ActionPlan {
        Objects.requireNonNull(title, "title");
        targets = List.copyOf(targets);
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    /** Closing {@code files} (at least one). */
    public static ActionPlan closeFiles(List<ActionTarget.CloseFile> files, boolean demo) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Nothing to close");
        }
        int n = files.size();
        String what = n == 1 ? "1 file" : n + " files";
        return new ActionPlan("Close " + what + "?",
                "SessionWatch will ask the server to force " + (n == 1 ? "this file" : "these files")
                        + " closed now:",
                List.<ActionTarget>copyOf(files), files.stream().map(ActionTarget::describe).toList(),
                List.of("The user may lose unsaved changes in " + (n == 1 ? "this file" : "these files")
                        + ": the program that opened it is not asked first."),
                demo ? DEMO_NOTICE : null, "Close " + what);
    }

    /** Ending {@code sessions} (at least one; duplicates are asked once). */
    public static ActionPlan endSessions(List<ActionTarget.EndSession> sessions, boolean demo) {
        List<ActionTarget.EndSession> distinct = new ArrayList<>(new LinkedHashSet<>(sessions));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("No session to end");
        }
        int n = distinct.size();
        String what = n == 1 ? "1 session" : n + " sessions";
        List<String> warnings = new ArrayList<>();
        warnings.add("Ending a session closes all its files; the user may lose unsaved changes.");
        if (distinct.stream().anyMatch(s -> s.client() == null || s.client().isEmpty())) {
            warnings.add("Where the client is not known, every session of that user on that server ends.");
        }
        warnings.add("The user's computer may reconnect by itself the next time it uses the share.");
        return new ActionPlan("End " + what + "?", "SessionWatch will ask the server to end "
                + (n == 1 ? "this session" : "these sessions") + " now:", List.<ActionTarget>copyOf(distinct),
                distinct.stream().map(ActionTarget::describe).toList(), warnings, demo ? DEMO_NOTICE : null,
                "End " + what);
    }
}
