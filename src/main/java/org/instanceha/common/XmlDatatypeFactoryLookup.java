package org.instanceha.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the JDK's own {@code javax.xml.datatype.DatatypeFactory} in the system property that
 * {@code DatatypeFactory.newInstance()} reads first. Camunda calls that method for every job it creates
 * with a retry cycle (parsing {@code failedJobRetryTimeCycle}), and without the property each call searches
 * the class path for a service provider: in a rack failure on 2 cores that search was 4 % of the engine's
 * CPU (async-profiler over bench/rack-failure.sh), 0.3 % with the property. A property set by whoever starts
 * the JVM is kept; on a JDK without that class nothing is set and the search stays as it was.
 */
public final class XmlDatatypeFactoryLookup {

    static final String PROPERTY = "javax.xml.datatype.DatatypeFactory";
    static final String JDK_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

    private static final Logger log = LoggerFactory.getLogger(XmlDatatypeFactoryLookup.class);

    private XmlDatatypeFactoryLookup() {
    }

    /** Sets the property to the JDK's factory, unless it is set or the JDK has no such class. */
    public static void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(JDK_FACTORY, false, ClassLoader.getSystemClassLoader());
            System.setProperty(PROPERTY, JDK_FACTORY);
        } catch (ClassNotFoundException e) {
            log.info("This JDK has no {}: DatatypeFactory is looked up as a service each time", JDK_FACTORY);
        }
    }
}
