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
    /**
     * The providers' templates and messages (comptexpert-providers, a test dependency), which Keycloak adds to every
     * theme after its own: our emails live there, so that they render under any email theme.
     */
    static final String THEME_RESOURCES = "theme-resources/";

    /**
     * A theme type with its chain of themes, child first, as Keycloak resolves templates and messages; for emails,
     * the providers' theme-resources last (the login theme's tests stay on the theme alone).
     */
    enum Type {
        LOGIN("login", false, "ordre", "keycloak.v2", "base"),
        EMAIL("email", true, "ordre", "base");

        final String dir;
        final boolean themeResources;
        final List<String> chain;

        Type(String dir, boolean themeResources, String... chain) {
            this.dir = dir;
            this.themeResources = themeResources;
            this.chain = List.of(chain);
        }
    }

    private Themes() {}

    /** Like DefaultFreeMarkerProvider#getTemplate: 2.3.32, HTML auto-escaping, no ?new. */
    static Configuration freemarker(Type type) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        ClassLoader cl = Themes.class.getClassLoader();
        List<TemplateLoader> loaders = new ArrayList<>();
        type.chain.forEach(theme -> loaders.add(new ClassTemplateLoader(cl, "theme/" + theme + "/" + type.dir)));
        if (type.themeResources) {
            loaders.add(new ClassTemplateLoader(cl, THEME_RESOURCES + "templates"));
        }
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
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
            Path file =
                    Path.of(dir, type.dir, template.replace(".ftl", template.startsWith("text/") ? ".txt" : ".html"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, output);
        }
    }

    /** One theme's own bundle, read as UTF-8 like Keycloak 26 does. Empty if the theme has none. */
    static Properties bundle(String theme, Type type, String language) throws IOException {
        return load("theme/" + theme + "/" + type.dir + "/messages/messages_" + language + ".properties");
    }

    /** The providers' own bundle (theme-resources), which Keycloak merges under every theme's. */
    static Properties themeResourcesBundle(String language) throws IOException {
        Properties p = load(THEME_RESOURCES + "messages/messages_" + language + ".properties");
        if (p.isEmpty()) {
            throw new IllegalStateException(
                    "No providers' messages_" + language + " on the classpath (comptexpert-providers)");
        }
        return p;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
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
            if (type.themeResources) {
                merged.putAll(themeResourcesBundle(lang));
            }
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

    /**
     * Our own files of one type, relative to the template root, e.g. "html/ordre-reset.ftl": the theme's, and for emails
     * the providers' (theme-resources/templates: html/, text/ and ordre-email.ftl).
     */
    static List<String> ordreFiles(Type type, String suffix) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>(files(ORDRE + type.dir, suffix));
        if (type.themeResources) {
            for (String name : files(THEME_RESOURCES + "templates", suffix)) {
                if (name.startsWith("html/") || name.startsWith("text/") || name.equals("ordre-email.ftl")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The files under a classpath directory, in a folder or in a jar (the providers' during a full build). */
    private static List<String> files(String resource, String suffix) throws IOException, URISyntaxException {
        URL root = Themes.class.getClassLoader().getResource(resource);
        if (root == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        java.net.URI uri = root.toURI();
        java.nio.file.FileSystem jar = "jar".equals(uri.getScheme()) ? jarFileSystem(uri) : null;
        Path dir = Path.of(uri);
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(suffix))
                    .forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
            return names;
        } finally {
            if (jar != null) {
                jar.close();
            }
        }
    }

    private static java.nio.file.FileSystem jarFileSystem(java.net.URI uri) throws IOException {
        try {
            return java.nio.file.FileSystems.newFileSystem(uri, Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
            return null;
        }
    }

    private static List<String> parentsFirst(Type type) {
        List<String> themes = new ArrayList<>(type.chain);
        java.util.Collections.reverse(themes);
        return themes;
    }

    /** One of {@link #ordreFiles}: the theme's file, or else the providers' (theme-resources) of that name. */
    static String ordreFile(Type type, String name) throws IOException {
        ClassLoader cl = Themes.class.getClassLoader();
        InputStream found = cl.getResourceAsStream(ORDRE + type.dir + "/" + name);
        try (InputStream in = found != null || !type.themeResources
                ? found
                : cl.getResourceAsStream(THEME_RESOURCES + "templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Keycloak's MessageFormatterMethod, minus ${} resolution: msg("key", args...). */
    static TemplateMethodModelEx msg(Properties messages, Locale locale) {
        return args -> {
            String key = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))
                    .toString();
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
        return DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))
                .toString();
    };
}
