package org.bpogovernance.review;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** A review's record as a well-formed HTML document a participant can download, print and forward. */
@Component
class MinutesDocument {

    private final TemplateEngine engine = new TemplateEngine();

    MinutesDocument() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    String render(ReviewRecords.ReviewRecord record) {
        return engine.process("review-minutes", new Context(Locale.ENGLISH, Map.of("record", record)));
    }
}
