package org.recordedcall.internal.errors;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the error envelope reads an exception: which kind it is, which field it names. */
class ErrorMappingTest {

    @Test
    void aFieldIsNamedWhereACauseNamesIt() {
        assertEquals("label", UnmappedExceptionMapper.fieldOf(new JsonbException("Unable to deserialize",
                new NullPointerException("label is required"))));
        assertEquals("quantity", UnmappedExceptionMapper.fieldOf(new JsonbException("Unable to deserialize property 'quantity'")));
        assertNull(UnmappedExceptionMapper.fieldOf(new JsonbException("Unexpected char 60")));
    }

    @Test
    void kindsAreFoundAnywhereInTheChain() {
        assertTrue(UnmappedExceptionMapper.isDatabaseError(new RuntimeException(new SQLException("down", "08001"))));
        assertTrue(UnmappedExceptionMapper.isDatabaseError(new PersistenceException("no")));
        assertFalse(UnmappedExceptionMapper.isDatabaseError(new IllegalStateException("no")));
        // (a WebApplicationException needs a REST runtime to be made: the integration suite shows that case)
        assertTrue(UnmappedExceptionMapper.isBodyUnreadable(new RuntimeException(new JsonbException("x"))));
        assertFalse(UnmappedExceptionMapper.isBodyUnreadable(new IllegalArgumentException("x")));
    }

    @Test
    void aViolationsPathIsItsField() {
        assertEquals("quantity", ValidationFailureMapper.field("create.order.quantity"));
        assertEquals("address.city", ValidationFailureMapper.field("create.order.address.city"));
        assertEquals("arg0", ValidationFailureMapper.field("create.arg0"));
    }
}
