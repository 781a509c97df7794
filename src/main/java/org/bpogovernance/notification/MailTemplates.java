package org.bpogovernance.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from three Thymeleaf templates in {@code mail/}: {@code <name>.subject.txt},
 * {@code <name>.txt} and {@code <name>.html}.
 */
@Component
class MailTemplates {

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    RenderedMail render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH, model);
        String subject = text.process(template + ".subject", context).strip().replaceAll("\\s+", " ");
        return new RenderedMail(subject, text.process(template, context), html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
