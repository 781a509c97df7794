package org.bpogovernance.notification;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface PreferenceRepository extends Repository<NotificationPreference, String> {

    NotificationPreference save(NotificationPreference preference);

    Optional<NotificationPreference> findById(String userId);
}
