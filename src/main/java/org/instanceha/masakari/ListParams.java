package org.instanceha.masakari;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.PageRequest;
import org.instanceha.common.SortKey;
import org.springframework.util.MultiValueMap;

/**
 * Masakari's list parameters: {@code limit} (at most 1000; 0 or absent means 1000), {@code marker}
 * (the integer id of the last row seen), and repeated {@code sort_key}/{@code sort_dir} checked
 * against a whitelist, defaulting to {@code created_at desc} and always ending with {@code id}.
 */
public final class ListParams {

    public static final int MAX_LIMIT = 1000;
    private static final String DEFAULT_KEY = "created_at";
    private static final String DEFAULT_DIR = "desc";

    private ListParams() {
    }

    public static PageRequest page(MultiValueMap<String, String> query, Set<String> sortKeys) {
        return new PageRequest(limit(query.getFirst("limit")), marker(query.getFirst("marker")),
                sort(query.getOrDefault("sort_key", List.of()), query.getOrDefault("sort_dir", List.of()), sortKeys));
    }

    static int limit(String text) {
        if (text == null) {
            return MAX_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit param must be an integer");
        }
        if (limit < 0) {
            throw new InvalidInputException("limit param must be positive");
        }
        return limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    static Long marker(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Marker " + FieldRules.shortened(text) + " could not be found.");
        }
    }

    static List<SortKey> sort(List<String> keys, List<String> dirs, Set<String> allowed) {
        if (dirs.size() > keys.size() && !keys.isEmpty()) {
            throw new InvalidInputException("Sort direction size exceeds sort key size");
        }
        for (String key : keys) {
            if (!allowed.contains(key)) {
                throw new InvalidInputException("Sort key supplied was not valid.");
            }
        }
        for (String dir : dirs) {
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new InvalidInputException("Unknown sort direction, must be 'desc' or 'asc'");
            }
        }
        String defaultDir = dirs.isEmpty() ? DEFAULT_DIR : dirs.get(0);
        List<SortKey> sort = new ArrayList<>();
        List<String> effectiveKeys = keys.isEmpty() ? List.of(DEFAULT_KEY) : keys;
        for (int i = 0; i < effectiveKeys.size(); i++) {
            String key = effectiveKeys.get(i);
            if (sort.stream().noneMatch(k -> k.key().equals(key))) {
                sort.add(new SortKey(key, "asc".equals(i < dirs.size() ? dirs.get(i) : defaultDir)));
            }
        }
        for (String tail : List.of(DEFAULT_KEY, "id")) {
            if (sort.stream().noneMatch(k -> k.key().equals(tail))) {
                sort.add(new SortKey(tail, "asc".equals(defaultDir)));
            }
        }
        // id is unique: keys after it cannot change the order, and the page marker needs it last.
        int id = sort.indexOf(sort.stream().filter(k -> k.key().equals("id")).findFirst().orElseThrow());
        return List.copyOf(sort.subList(0, id + 1));
    }

    /** A boolean filter in Masakari's spellings; absent: null; anything else: 400. */
    public static Boolean booleanFilter(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null) {
            return null;
        }
        Boolean value = RequestSchema.parseBoolean(text);
        if (value == null) {
            throw new InvalidInputException("Invalid value '" + FieldRules.shortened(text) + "' for filter " + name
                    + ": it must be a boolean (true or false).");
        }
        return value;
    }
}
