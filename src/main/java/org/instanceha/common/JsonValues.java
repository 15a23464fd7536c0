package org.instanceha.common;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one mapper of the static value parsers (a notification's payload and fields, a host's control
 * attributes, a fault body), which run where no bean is at hand: in records' factories, row mappers and
 * servlet filters. They read and write JSON trees and plain maps only, which no setting of Spring's
 * {@code ObjectMapper} changes; every bean that reads or writes JSON gets Spring's mapper injected instead.
 */
public final class JsonValues {

    /** Thread-safe once configured, as Jackson's mappers are; never reconfigure it. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }
}
