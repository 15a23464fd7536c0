package org.instanceha.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a filtered, sorted, keyset-paged SELECT. Sort keys map to SQL expressions chosen by the
 * repository (nullable columns wrapped in COALESCE so that NULL sorts as the lowest value and can be
 * compared); no text from the request ever reaches the SQL, only bound parameters.
 */
public final class KeysetQuery {

    private final String selectList;
    private final String from;
    private final String idExpression;
    private final Map<String, String> sortExpressions;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /**
     * @param selectList      columns to return, e.g. {@code "s.*"}
     * @param from            the FROM clause with joins, e.g. {@code "segments s"}
     * @param idExpression    the integer id used as marker and final tie-breaker, e.g. {@code "s.id"}
     * @param sortExpressions whitelisted sort key to SQL expression; must contain {@code id}
     */
    public KeysetQuery(String selectList, String from, String idExpression, Map<String, String> sortExpressions) {
        this.selectList = selectList;
        this.from = from;
        this.idExpression = idExpression;
        this.sortExpressions = Map.copyOf(sortExpressions);
    }

    /** Adds a WHERE condition with one named parameter. */
    public KeysetQuery where(String condition, String param, Object value) {
        conditions.add(condition);
        params.put(param, value);
        return this;
    }

    /** Adds a WHERE condition without parameters. */
    public KeysetQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public <T> List<T> fetch(JdbcClient jdbc, PageRequest page, RowMapper<T> mapper) {
        Map<String, Object> bound = new LinkedHashMap<>(params);
        List<String> where = new ArrayList<>(conditions);
        List<String> expressions = page.sort().stream().map(k -> expression(k.key())).toList();
        if (page.markerId() != null) {
            List<Object> markerValues = markerValues(jdbc, page.markerId(), expressions);
            where.add(afterMarker(page.sort(), expressions, markerValues, bound));
        }
        StringJoiner order = new StringJoiner(", ");
        for (int i = 0; i < expressions.size(); i++) {
            order.add(expressions.get(i) + (page.sort().get(i).ascending() ? " ASC" : " DESC"));
        }
        String sql = "SELECT " + selectList + " FROM " + from + whereClause(where)
                + " ORDER BY " + order + " LIMIT " + page.limit();
        return jdbc.sql(sql).params(bound).query(mapper).list();
    }

    private String expression(String key) {
        String expression = sortExpressions.get(key);
        if (expression == null) {
            throw new InvalidInputException("Sort key supplied was not valid.");
        }
        return expression;
    }

    private List<Object> markerValues(JdbcClient jdbc, long markerId, List<String> expressions) {
        StringJoiner columns = new StringJoiner(", ");
        for (int i = 0; i < expressions.size(); i++) {
            columns.add(expressions.get(i) + " AS k" + i);
        }
        List<String> where = new ArrayList<>(conditions);
        where.add(idExpression + " = :markerId");
        Map<String, Object> bound = new LinkedHashMap<>(params);
        bound.put("markerId", markerId);
        List<List<Object>> rows = jdbc.sql("SELECT " + columns + " FROM " + from + whereClause(where))
                .params(bound)
                .query((rs, n) -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < expressions.size(); i++) {
                        values.add(rs.getObject(i + 1));
                    }
                    return values;
                })
                .list();
        if (rows.isEmpty()) {
            throw new InvalidInputException("Marker " + markerId + " could not be found.");
        }
        return rows.get(0);
    }

    /** (k0 > v0) OR (k0 = v0 AND k1 > v1) OR ..., with {@code <} for descending keys. */
    private static String afterMarker(List<SortKey> sort, List<String> expressions, List<Object> values,
                                      Map<String, Object> bound) {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < expressions.size(); i++) {
            StringJoiner all = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                all.add(expressions.get(j) + " = :m" + j);
            }
            all.add(expressions.get(i) + (sort.get(i).ascending() ? " > :m" : " < :m") + i);
            any.add(all.toString());
            bound.put("m" + i, values.get(i));
        }
        return any.toString();
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }
}
