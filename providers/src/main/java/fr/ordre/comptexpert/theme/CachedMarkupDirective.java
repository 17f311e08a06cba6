package fr.ordre.comptexpert.theme;

import freemarker.core.Environment;
import freemarker.core.MarkupOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <@ordreCachedMarkup key=[…] values={…}; v>…${v.name}…</@ordreCachedMarkup>}: a block of a page rendered once
 * and written as text afterwards, with only its per-page values put in. A block without values may be asked for its
 * version instead ({@code digest=true}): a page names the block's own resource by it (the Expertpass panel's script). The Expertpass panel is ~4 KB of markup whose
 * words ({@code msg}, HTML-escaped) and classes are the same on every login page of a language; rendering them was
 * most of the panel's cost (docs/performance.md, <i>The panel</i>).
 *
 * <p>The block is rendered once with a marker in place of each value, then split at the markers. What it writes
 * depends on the page's merged messages and theme properties (by identity: the caches make new objects when either
 * changes), on {@code key}, and on {@code values}; so the block must read nothing else that varies, and use each value
 * as {@code ${v.name}} only, escaped as the template escapes it. Without a cached theme the block is rendered each
 * time with the real values, as a plain macro would be.
 */
final class CachedMarkupDirective implements TemplateDirectiveModel {

    /** A cache shared by the server's pages. Languages × realms × hosts stays small; past this, start again. */
    static final class Cache {
        static final int MAX_ENTRIES = 256;

        private final Map<Key, Rendered> entries = new ConcurrentHashMap<>();

        /** Alphanumeric, so escaping leaves it as is; random, so no message or address can contain it. */
        private final String marker = marker();

        /** Marker n stands for the n-th value: digits then "_", which no escaping changes. */
        private final Pattern markers = Pattern.compile(Pattern.quote(marker) + "(\\d+)_");

        private static String marker() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return "ordre" + HexFormat.of().formatHex(bytes) + "v";
        }

        int size() {
            return entries.size();
        }
    }

    /** The page's objects compared by identity, the block's key by value. */
    private record Key(Object messages, Object properties, List<String> key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.messages == messages && k.properties == properties && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(messages) + System.identityHashCode(properties)) + key.hashCode();
        }
    }

    private final Cache cache;
    private final Properties messages;
    private final Properties properties;

    /** For a page of a cached theme: its merged messages and theme properties, as the page's methods read them. */
    CachedMarkupDirective(Cache cache, Properties messages, Properties properties) {
        this.cache = cache;
        this.messages = messages;
        this.properties = properties;
    }

    /** Renders the block every time (a theme Keycloak does not cache: a developer's edits show at once). */
    static final CachedMarkupDirective UNCACHED = new CachedMarkupDirective(null, null, null);

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (body == null || loopVars.length > 1) {
            throw new TemplateModelException("ordreCachedMarkup needs a body and at most one loop variable");
        }
        Map<String, String> values = params.containsKey("values") ? values(params.get("values")) : Map.of();
        boolean digest = params.get("digest") instanceof TemplateBooleanModel b && b.getAsBoolean();
        if (digest && !values.isEmpty()) {
            throw new TemplateModelException("ordreCachedMarkup: a block with values has no single version");
        }
        if (cache == null) {
            if (loopVars.length == 1) {
                loopVars[0] = new SimpleHash(values, env.getObjectWrapper());
            }
            if (digest) {
                StringWriter out = new StringWriter(4096);
                body.render(out);
                env.getOut().write(MarkupVersion.of(out.toString()));
            } else {
                body.render(env.getOut());
            }
            return;
        }
        Key key = new Key(messages, properties, strings(params.get("key")));
        Rendered rendered = cache.entries.get(key);
        if (rendered == null) {
            rendered = render(env, values.keySet(), loopVars, body);
            if (cache.entries.size() >= Cache.MAX_ENTRIES) {
                cache.entries.clear();
            }
            cache.entries.putIfAbsent(key, rendered);
        }
        if (digest) {
            env.getOut().write(rendered.version());
        } else {
            write(env, rendered.parts(), values);
        }
    }

    /**
     * A block's text and value names in order; and, for a block without values, its version ({@link MarkupVersion}),
     * which the page puts in the address of a resource made of the block.
     */
    private record Rendered(List<Object> parts, String version) {}

    /** The block with markers for values, as text and value names in order. */
    private Rendered render(
            Environment env, Iterable<String> names, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        List<String> order = new ArrayList<>();
        Map<String, String> markers = new LinkedHashMap<>();
        for (String name : names) {
            markers.put(name, cache.marker + order.size() + "_");
            order.add(name);
        }
        if (loopVars.length == 1) {
            loopVars[0] = new SimpleHash(markers, env.getObjectWrapper());
        }
        StringWriter out = new StringWriter(4096);
        body.render(out);
        List<Object> parts = new ArrayList<>();
        Matcher m = cache.markers.matcher(out.getBuffer());
        int from = 0;
        while (m.find()) {
            parts.add(out.getBuffer().substring(from, m.start()));
            parts.add(new ValueName(order.get(Integer.parseInt(m.group(1)))));
            from = m.end();
        }
        parts.add(out.getBuffer().substring(from));
        return new Rendered(List.copyOf(parts), parts.size() == 1 ? MarkupVersion.of((String) parts.get(0)) : null);
    }

    private record ValueName(String name) {}

    private static void write(Environment env, List<Object> parts, Map<String, String> values) throws IOException {
        OutputFormat format = env.getCurrentTemplate().getOutputFormat();
        Writer out = env.getOut();
        for (Object part : parts) {
            if (part instanceof ValueName v) {
                String value = values.getOrDefault(v.name(), "");
                try {
                    out.write(format instanceof MarkupOutputFormat<?> markup ? markup.escapePlainText(value) : value);
                } catch (TemplateModelException e) {
                    throw new IOException(e);
                }
            } else {
                out.write((String) part);
            }
        }
    }

    private static Map<String, String> values(Object model) throws TemplateModelException {
        if (!(model instanceof TemplateHashModelEx2 hash)) {
            throw new TemplateModelException("ordreCachedMarkup: values must be a hash of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (TemplateHashModelEx2.KeyValuePairIterator it = hash.keyValuePairIterator(); it.hasNext(); ) {
            TemplateHashModelEx2.KeyValuePair pair = it.next();
            values.put(scalar(pair.getKey()), scalar(pair.getValue()));
        }
        return values;
    }

    private static List<String> strings(Object model) throws TemplateModelException {
        if (!(model instanceof TemplateSequenceModel seq)) {
            throw new TemplateModelException("ordreCachedMarkup: key must be a sequence of strings");
        }
        List<String> key = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) {
            key.add(scalar(seq.get(i)));
        }
        return key;
    }

    private static String scalar(TemplateModel model) throws TemplateModelException {
        if (model instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        throw new TemplateModelException("ordreCachedMarkup: strings only");
    }
}
