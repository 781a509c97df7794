package org.bpogovernance.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The domain's clock; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
