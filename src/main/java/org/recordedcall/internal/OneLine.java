package org.recordedcall.internal;

/**
 * Text made fit for one line of a log or a comment: a line break in it (a client can put one
 * in a message or a body) would start a line that reads as another entry, or as a command.
 */
public final class OneLine {

    private OneLine() {
    }

    /** The text with each run of line breaks made one space, cut to {@code max} characters and {@code ...}. */
    public static String of(String text, int max) {
        var line = text.replaceAll("[\\r\\n\\u000b\\u000c\\u0085\\u2028\\u2029]+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
