package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The one JSON mapper of the tests and benchmarks (a configured mapper is thread-safe). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** For files people read: benchmark results and reports. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {}
}
