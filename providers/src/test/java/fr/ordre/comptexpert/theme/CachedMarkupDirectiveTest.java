package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateMethodModelEx;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A block written from the cache reads as the same block rendered for the page, with the page's values escaped. */
class CachedMarkupDirectiveTest {

    private static final String BLOCK =
            """
            <#macro panel v><section data-start="${v.start}" data-api="${api}">${word()}<form action="${v.action}">\
            </form><form action="${v.action}"></form></section></#macro>\
            <@cached key=["panel", api] values={"start": start, "action": action}; v><@panel v/></@cached>""";

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_32);
    private final CachedMarkupDirective.Cache cache = new CachedMarkupDirective.Cache();
    private final AtomicInteger rendered = new AtomicInteger();
    private final Properties messages = new Properties();
    private final Properties properties = new Properties();

    CachedMarkupDirectiveTest() {
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
    }

    private String page(CachedMarkupDirective directive, String api, String start, String action) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("cached", directive);
        model.put("api", api);
        model.put("start", start);
        model.put("action", action);
        // Counts the block's renderings: a written-from-cache page does not call it.
        model.put("word", (TemplateMethodModelEx) args -> "Ou <connectez-vous> n°" + rendered.incrementAndGet());
        Template template = new Template("block", new StringReader(BLOCK), freemarker);
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }

    private CachedMarkupDirective cached() {
        return new CachedMarkupDirective(cache, messages, properties);
    }

    @Test
    void aCachedBlockIsTheFirstRenderingWithEachPagesValuesEscaped() throws Exception {
        String first = page(cached(), "https://a/api", "tok.1", "https://a/login?code=1&tab=x");
        String second = page(cached(), "https://a/api", "tok\"<2>", "https://a/login?code=2&tab=y");

        assertEquals(1, rendered.get(), "the second page is written from the cache");
        assertEquals(
                "<section data-start=\"tok.1\" data-api=\"https://a/api\">Ou &lt;connectez-vous&gt; n°1"
                        + "<form action=\"https://a/login?code=1&amp;tab=x\"></form>"
                        + "<form action=\"https://a/login?code=1&amp;tab=x\"></form></section>",
                first);
        assertEquals(
                first.replace("tok.1", "tok&quot;&lt;2&gt;").replace("code=1&amp;tab=x", "code=2&amp;tab=y"), second);
    }

    @Test
    void theUncachedDirectiveRendersEveryTimeAsAPlainMacroWould() throws Exception {
        String first = page(CachedMarkupDirective.UNCACHED, "https://a/api", "t1", "https://a/1");
        String second = page(CachedMarkupDirective.UNCACHED, "https://a/api", "t2", "https://a/2");

        assertEquals(2, rendered.get());
        assertTrue(second.contains("n°2") && second.contains("data-start=\"t2\"") && second.contains("https://a/2"));
        assertFalse(first.contains("t2"));
        assertEquals(0, cache.size());
    }

    @Test
    void newMessagesPropertiesOrKeyRenderAgain() throws Exception {
        page(cached(), "https://a/api", "t", "u");
        page(new CachedMarkupDirective(cache, new Properties(), properties), "https://a/api", "t", "u");
        page(new CachedMarkupDirective(cache, messages, new Properties()), "https://a/api", "t", "u");
        String otherHost = page(cached(), "https://b/api", "t", "u");
        page(cached(), "https://a/api", "t", "u");

        assertEquals(
                4, rendered.get(), "an admin's new texts, another theme or host: rendered again; the same: cached");
        assertTrue(otherHost.contains("data-api=\"https://b/api\""));
        assertEquals(4, cache.size());
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        for (int i = 0; i < CachedMarkupDirective.Cache.MAX_ENTRIES + 10; i++) {
            page(cached(), "https://host" + i + "/api", "t", "u");
        }
        assertTrue(cache.size() <= CachedMarkupDirective.Cache.MAX_ENTRIES, () -> "size " + cache.size());
    }

    private static final String VERSIONED =
            """
            <#macro panel><section data-api="${api}">${word()}</section></#macro>\
            <@cached key=["panel", api] digest=true><@panel/></@cached>|<@cached key=["panel", api]><@panel/></@cached>""";

    private String versioned(CachedMarkupDirective directive, String api) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("cached", directive);
        model.put("api", api);
        model.put("word", (TemplateMethodModelEx) args -> "Ou n°" + rendered.incrementAndGet());
        StringWriter out = new StringWriter();
        new Template("versioned", new StringReader(VERSIONED), freemarker).process(model, out);
        return out.toString();
    }

    @Test
    void aBlockWithoutValuesHasTheVersionOfItsText() throws Exception {
        String[] first = versioned(cached(), "https://a/api").split("\\|");
        String[] again = versioned(cached(), "https://a/api").split("\\|");

        assertEquals(1, rendered.get(), "the version and the text come from one rendering");
        assertEquals(MarkupVersion.of(first[1]), first[0]);
        assertEquals(22, first[0].length(), "128 bits, base64url");
        assertEquals(String.join("|", first), String.join("|", again));
        String otherHost = versioned(cached(), "https://b/api").split("\\|")[0];
        assertFalse(otherHost.equals(first[0]), "other words, another version");

        // Uncached, each call renders: here the words change between the two, and so would the version.
        String[] uncached =
                versioned(CachedMarkupDirective.UNCACHED, "https://a/api").split("\\|");
        assertFalse(uncached[0].equals(MarkupVersion.of(uncached[1])));
        assertEquals(uncached[0], MarkupVersion.of(uncached[1].replace("n°4", "n°3")));
    }
}
