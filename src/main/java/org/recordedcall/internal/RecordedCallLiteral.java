package org.recordedcall.internal;

import jakarta.enterprise.util.AnnotationLiteral;
import org.recordedcall.RecordedCall;

/** {@code @RecordedCall} with every member at its default: the interceptor binding the library adds to resource classes. */
public final class RecordedCallLiteral extends AnnotationLiteral<RecordedCall> implements RecordedCall {

    private static final long serialVersionUID = 1L;

    public static final RecordedCallLiteral INSTANCE = new RecordedCallLiteral();

    private RecordedCallLiteral() {
    }

    @Override
    public String value() {
        return "";
    }

    @Override
    public boolean requestBody() {
        return true;
    }

    @Override
    public boolean responseBody() {
        return true;
    }

    @Override
    public boolean arguments() {
        return true;
    }

    @Override
    public boolean result() {
        return true;
    }

    @Override
    public String[] masked() {
        return new String[0];
    }

    @Override
    public boolean headers() {
        return true;
    }

    @Override
    public boolean onlyFailures() {
        return false;
    }

    @Override
    public long slowerThanMillis() {
        return 0;
    }

    @Override
    public double sampleRate() {
        return -1;
    }
}
