package org.secflow.inventory;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param total number of items over all pages
 * @param <T> item type
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
