package org.instanceha.common;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XmlDatatypeFactoryLookupTest {

    private final String before = System.getProperty(XmlDatatypeFactoryLookup.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(XmlDatatypeFactoryLookup.PROPERTY);
        } else {
            System.setProperty(XmlDatatypeFactoryLookup.PROPERTY, before);
        }
    }

    @Test
    void theJdksFactoryIsNamedAndIsWhatCamundasDurationParsingGets() throws Exception {
        System.clearProperty(XmlDatatypeFactoryLookup.PROPERTY);

        XmlDatatypeFactoryLookup.pin();

        assertThat(System.getProperty(XmlDatatypeFactoryLookup.PROPERTY))
                .isEqualTo(XmlDatatypeFactoryLookup.JDK_FACTORY);
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(XmlDatatypeFactoryLookup.JDK_FACTORY);
        assertThat(DatatypeFactory.newInstance().newDuration("PT1S").getSeconds()).isEqualTo(1);
    }

    @Test
    void aFactoryNamedByWhoeverStartedTheJvmIsKept() {
        System.setProperty(XmlDatatypeFactoryLookup.PROPERTY, "org.example.TheirFactory");

        XmlDatatypeFactoryLookup.pin();

        assertThat(System.getProperty(XmlDatatypeFactoryLookup.PROPERTY)).isEqualTo("org.example.TheirFactory");
    }
}
