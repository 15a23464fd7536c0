package org.instanceha.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On H2, the database no longer reuses query results: the test database's URL does not ask for it. */
class H2ResultReuseOffIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void h2AnswersEveryQueryFromTheLatestCommit() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()), "H2 only");
            assertThat(connection.getMetaData().getURL()).doesNotContainIgnoringCase("OPTIMIZE_REUSE_RESULTS");
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            assertThat(session.getDatabase().getOptimizeReuseResults()).isFalse();
        }
    }
}
