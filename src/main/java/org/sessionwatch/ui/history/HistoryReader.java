package org.sessionwatch.ui.history;

import java.util.function.Function;

import org.sessionwatch.history.HistoryException;
import org.sessionwatch.history.HistoryRepository;

/** Answers questions from the history database; blocks on disk, so it is called off the FX thread only. */
@FunctionalInterface
public interface HistoryReader {

    /** @throws HistoryException when there is no history to read or reading failed, in words for the user */
    <T> T read(Function<HistoryRepository, T> question);
}
