package org.recordedcall.it.app;

/** An application exception that the application maps itself. */
public class OrderRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrderRejected(String message) {
        super(message);
    }
}
