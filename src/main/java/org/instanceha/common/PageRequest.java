package org.instanceha.common;

import java.util.List;

/**
 * A page of a list: at most {@code limit} rows after the row whose integer id is {@code markerId}
 * (null for the first page), in the order of {@code sort}, which always ends with {@code id}.
 */
public record PageRequest(int limit, Long markerId, List<SortKey> sort) {

    public PageRequest {
        sort = List.copyOf(sort);
        if (sort.isEmpty() || !"id".equals(sort.get(sort.size() - 1).key())) {
            throw new IllegalArgumentException("the sort must end with id so that pages are stable");
        }
    }
}
