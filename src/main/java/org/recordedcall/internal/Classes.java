package org.recordedcall.internal;

/** Whether a class of something the server may or may not offer can be loaded, asked without loading it. */
public final class Classes {

    private Classes() {
    }

    /** Whether {@code loader} can load the class named {@code name}; never initializes it, never throws. */
    public static boolean visible(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
