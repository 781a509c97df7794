package org.bpogovernance.platform;

import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Checks a list request's paging before it reaches a query. */
public final class Paging {

    private Paging() {
    }

    /** The pageable, if it sorts only by the given fields; otherwise a 400 naming {@code sort}. */
    public static Pageable sortableBy(Pageable pageable, Set<String> fields) {
        for (Sort.Order order : pageable.getSort()) {
            if (!fields.contains(order.getProperty())) {
                throw new InvalidInputException("sort", "cannot sort by '" + order.getProperty() + "'; use one of "
                        + fields.stream().sorted().toList());
            }
        }
        return pageable;
    }
}
