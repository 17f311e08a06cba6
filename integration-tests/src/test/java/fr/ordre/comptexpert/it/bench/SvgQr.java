package fr.ordre.comptexpert.it.bench;

import fr.ordre.comptexpert.companion.QrCodes;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the login page's QR as a phone would, without a browser: the page carries it as an SVG data URI of
 * one path of unit rectangles ({@code M x y h w v1 h-w z}); they are drawn into a bitmap that ZXing decodes.
 */
final class SvgQr {

    private static final Pattern IMG = Pattern.compile("id=\"ordre-expertpass-qr\"[^>]*src=\"data:image/svg\\+xml;base64,([^\"]+)\"");
    private static final Pattern VIEWBOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final int SCALE = 4;

    private SvgQr() {
    }

    /** The text of the Expertpass QR in a login page's HTML. */
    static String decodeFromPage(String html) {
        Matcher img = IMG.matcher(html);
        if (!img.find()) {
            throw new IllegalStateException("No Expertpass QR in the page");
        }
        String svg = new String(Base64.getDecoder().decode(img.group(1)), StandardCharsets.UTF_8);
        Matcher box = VIEWBOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalStateException("No viewBox in the QR's SVG");
        }
        int size = Integer.parseInt(box.group(1));
        BufferedImage image = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * SCALE, Integer.parseInt(run.group(2)) * SCALE,
                    Integer.parseInt(run.group(3)) * SCALE, SCALE);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return QrCodes.decode(png.toByteArray());
    }
}
