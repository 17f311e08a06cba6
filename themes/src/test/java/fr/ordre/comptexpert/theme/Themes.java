package fr.ordre.comptexpert.theme;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Our theme as Keycloak sees it: the "ordre" templates and messages over their parents'
 * (keycloak.v2 and base, read from the org.keycloak:keycloak-themes jar on the test classpath),
 * and a FreeMarker configured like Keycloak's DefaultFreeMarkerProvider.
 */
final class Themes {

    static final String ORDRE = "theme/ordre/";

    /** A theme type with its chain of themes, child first, as Keycloak resolves templates and messages. */
    enum Type {
        LOGIN("login", "ordre", "keycloak.v2", "base"),
        EMAIL("email", "ordre", "base");

        final String dir;
        final List<String> chain;

        Type(String dir, String... chain) {
            this.dir = dir;
            this.chain = List.of(chain);
        }
    }

    private Themes() {
    }

    /** Like DefaultFreeMarkerProvider#getTemplate: 2.3.32, HTML auto-escaping, no ?new. */
    static Configuration freemarker(Type type) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        ClassLoader cl = Themes.class.getClassLoader();
        TemplateLoader[] loaders = type.chain.stream()
                .map(theme -> new ClassTemplateLoader(cl, "theme/" + theme + "/" + type.dir))
                .toArray(TemplateLoader[]::new);
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders));
        return cfg;
    }

    static String render(Type type, String template, Map<String, Object> model) throws Exception {
        Template t = freemarker(type).getTemplate(template);
        StringWriter out = new StringWriter();
        t.process(model, out);
        keepForReview(type, template, out.toString());
        return out.toString();
    }

    /**
     * -Dordre.render.dir=target/rendered keeps what the tests render, to look at in a browser
     * (the last render of each template wins).
     */
    private static void keepForReview(Type type, String template, String output) throws IOException {
        String dir = System.getProperty("ordre.render.dir");
        if (dir != null) {
            Path file = Path.of(dir, type.dir, template.replace(".ftl", template.startsWith("text/") ? ".txt" : ".html"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, output);
        }
    }

    /** One theme's own bundle, read as UTF-8 like Keycloak 26 does. Empty if the theme has none. */
    static Properties bundle(String theme, Type type, String language) throws IOException {
        Properties p = new Properties();
        String name = "theme/" + theme + "/" + type.dir + "/messages/messages_" + language + ".properties";
        try (InputStream in = Themes.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    /** What a template sees: English as the last resort, then the language, parents first. */
    static Properties messages(Type type, String language) throws IOException {
        Properties merged = new Properties();
        for (String lang : List.of("en", language)) {
            for (String theme : parentsFirst(type)) {
                merged.putAll(bundle(theme, type, lang));
            }
        }
        return merged;
    }

    /** Keycloak's theme.properties inheritance: the parents' values, overridden by the child's. */
    static Properties properties(Type type) throws IOException {
        Properties merged = new Properties();
        for (String theme : parentsFirst(type)) {
            String name = "theme/" + theme + "/" + type.dir + "/theme.properties";
            try (InputStream in = Themes.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    merged.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        return merged;
    }

    /** Our own files of one type, relative to theme/ordre/<type>/, e.g. "html/ordre-reset.ftl". */
    static List<String> ordreFiles(Type type, String suffix) throws IOException, URISyntaxException {
        URL root = Themes.class.getClassLoader().getResource(ORDRE + type.dir);
        if (root == null) {
            throw new IllegalStateException("theme/ordre/" + type.dir + " is not on the classpath");
        }
        Path dir = Path.of(root.toURI());
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(suffix))
                    .forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
            return names;
        }
    }

    private static List<String> parentsFirst(Type type) {
        List<String> themes = new ArrayList<>(type.chain);
        java.util.Collections.reverse(themes);
        return themes;
    }

    static String ordreFile(Type type, String name) throws IOException {
        try (InputStream in = Themes.class.getClassLoader().getResourceAsStream(ORDRE + type.dir + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Keycloak's MessageFormatterMethod, minus ${} resolution: msg("key", args...). */
    static TemplateMethodModelEx msg(Properties messages, Locale locale) {
        return args -> {
            String key = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)).toString();
            Object[] params = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                params[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
            }
            return new MessageFormat(messages.getProperty(key, key), locale).format(params);
        };
    }

    /** kcSanitize stands for Keycloak's OWASP sanitizer; our tests only feed it trusted bundle text. */
    static final TemplateMethodModelEx KC_SANITIZE = args -> {
        if (args.isEmpty()) {
            throw new TemplateModelException("kcSanitize needs an argument");
        }
        return DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)).toString();
    };
}
