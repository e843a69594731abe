package org.recordedcall.it.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the library logs, as the server's logging hands it on: a handler on the logger
 * {@code org.recordedcall}, installed when first asked, keeping the last thousand entries.
 */
public final class LibraryLog {

    /** One entry: its level, its message as formatted, and whether a stack trace came with it. */
    public record Entry(String logger, String level, String message, boolean withStackTrace) {
    }

    // held strongly: the logging framework keeps loggers only weakly
    private static final Logger LIBRARY = Logger.getLogger("org.recordedcall");
    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

    static {
        var formatter = new SimpleFormatter();
        LIBRARY.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (ENTRIES.size() > 1000) {
                    ENTRIES.remove(0);
                }
                ENTRIES.add(new Entry(record.getLoggerName(), record.getLevel().getName(),
                        formatter.formatMessage(record), record.getThrown() != null));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        LIBRARY.setLevel(Level.INFO);
    }

    private LibraryLog() {
    }

    /** The entries whose message contains {@code text}. */
    public static List<Entry> containing(String text) {
        return ENTRIES.stream().filter(entry -> entry.message() != null && entry.message().contains(text)).toList();
    }
}
