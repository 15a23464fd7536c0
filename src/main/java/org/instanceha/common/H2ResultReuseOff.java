package org.instanceha.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns off H2's reuse of query results ({@code SET OPTIMIZE_REUSE_RESULTS 0}) as soon as an H2
 * data source exists (the embedded default, the tests, any H2 URL given). With it on, a connection can
 * keep answering a query with a result read just before another transaction committed: under the
 * 50-instance recovery, the API showed a notification {@code running} after it had already shown it
 * {@code finished} (4 of 19 runs; none of 22 since this).
 * The setting is the database's, for every connection, and needs H2 admin rights; without them the
 * URL can carry {@code ;OPTIMIZE_REUSE_RESULTS=FALSE} instead. PostgreSQL is left alone.
 */
@Component
public class H2ResultReuseOff implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(H2ResultReuseOff.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:h2:")) {
            turnOff(dataSource, beanName);
        }
        return bean;
    }

    private static void turnOff(DataSource dataSource, String beanName) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET OPTIMIZE_REUSE_RESULTS 0");
            }
            log.info("H2 ({}): reuse of query results turned off, so that reads always see the latest commit",
                    beanName);
        } catch (SQLException e) {
            log.warn("H2 ({}): could not turn off the reuse of query results ({}); add "
                    + ";OPTIMIZE_REUSE_RESULTS=FALSE to the database URL, or reads may show a status from "
                    + "before the latest commit", beanName, e.getMessage());
        }
    }
}
