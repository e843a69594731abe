package org.recordedcall.it.typical;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of a status change. */
public class StatusChange {

    @NotNull
    @Pattern(regexp = "open|done")
    public String status;
}
