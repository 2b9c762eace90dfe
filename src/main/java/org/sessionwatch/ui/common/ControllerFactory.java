package org.sessionwatch.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.util.Callback;

/**
 * The one place FXML controllers come from. Each controller class is registered with a supplier that passes its
 * collaborators to its constructor, so controllers have no hidden globals and tests can register their own.
 * An FXML file naming a class nobody registered fails at load time with the class name, instead of JavaFX
 * silently calling a no-argument constructor that does not exist.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> suppliers = new LinkedHashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> supplier) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(supplier, "supplier");
        if (suppliers.putIfAbsent(type, supplier) != null) {
            throw new IllegalStateException("Controller " + type.getName() + " is registered twice");
        }
        return this;
    }

    /**
     * A factory with everything registered here plus one controller for a single load, e.g. a dialog whose
     * controller needs that dialog's own view model.
     */
    public <T> ControllerFactory with(Class<T> type, Supplier<? extends T> supplier) {
        ControllerFactory copy = new ControllerFactory();
        copy.suppliers.putAll(suppliers);
        return copy.register(type, supplier);
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + ": add it to the ControllerFactory in AppContext (registered: "
                    + suppliers.keySet().stream().map(Class::getSimpleName).toList() + ")");
        }
        Object controller = supplier.get();
        if (!type.isInstance(controller)) {
            throw new IllegalStateException("Supplier for " + type.getName() + " returned "
                    + (controller == null ? "null" : controller.getClass().getName()));
        }
        return controller;
    }
}
