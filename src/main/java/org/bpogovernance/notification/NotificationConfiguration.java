package org.bpogovernance.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox sender and the reminder settings run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {
}
