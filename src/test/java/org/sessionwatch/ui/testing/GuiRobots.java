package org.sessionwatch.ui.testing;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the GUI tests do with the robot that Monocle's headless glass does not do by itself. */
public final class GuiRobots {

    private GuiRobots() {
    }

    /**
     * A secondary click selects the row; desktop platforms then send a context-menu request, which Monocle's
     * headless glass does not synthesise, so the test sends the request the platform would.
     */
    public static void rightClick(FxRobot robot, Node node) {
        robot.rightClickOn(node);
        Bounds bounds = node.localToScreen(node.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(node, new ContextMenuEvent(
                ContextMenuEvent.CONTEXT_MENU_REQUESTED, bounds.getWidth() / 2, bounds.getHeight() / 2, x, y, false,
                null)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
