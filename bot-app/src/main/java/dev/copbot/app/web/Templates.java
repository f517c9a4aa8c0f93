package dev.copbot.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The jte templates of {@code src/main/jte}, compiled to classes at build time: nothing is compiled at run time. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template + ".jte", params, out);
        return out.toString();
    }
}
