package org.bpogovernance.engagement;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface OnboardingRepository extends Repository<Onboarding, Long> {

    Onboarding save(Onboarding onboarding);

    Optional<Onboarding> findByEngagementId(Long engagementId);
}
