package org.bpogovernance.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface TermRepository extends Repository<Term, Long> {

    Term save(Term term);

    List<Term> findByEngagementIdOrderByNumberAsc(Long engagementId);

    Optional<Term> findByEngagementIdAndNumber(Long engagementId, int number);
}
